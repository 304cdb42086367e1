module github.com/hostcrypto/hostcrypto/asm_arm64

go 1.26.8

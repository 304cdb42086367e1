pragma circom 2.0.0;

// Six public inputs a[0..5], one private w, one output:
// acc0 = a0*w, acc_i = acc_{i-1}*a_i + w, out = acc5.
template Many() {
    signal input a[6];
    signal input w;
    signal output out;
    signal acc[6];
    acc[0] <== a[0] * w;
    for (var i = 1; i < 6; i++) {
        acc[i] <== acc[i-1] * a[i] + w;
    }
    out <== acc[5];
}

component main {public [a]} = Many();

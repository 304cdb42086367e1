package main

func (g *gen) mulVecIFMA() {}

package io.lepton.loadtest.generator;

/** A city the generator places users near (coordinates in decimal degrees). */
public record City(String name, double latitude, double longitude) {}

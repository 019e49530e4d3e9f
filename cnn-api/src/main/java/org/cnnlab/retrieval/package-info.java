/**
 * Images found by what a network learned: nearest neighbours by the features at a chosen layer (cosine
 * similarity), drawn as rows of images, and precision at k against raw pixels.
 */
package org.cnnlab.retrieval;

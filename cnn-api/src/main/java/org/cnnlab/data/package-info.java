/**
 * Datasets for training: Fashion-MNIST, MNIST, CIFAR-10 and a user's own picture folders, held compactly as
 * bytes and turned into normalised DJL batches in one cheap step.
 */
package org.cnnlab.data;

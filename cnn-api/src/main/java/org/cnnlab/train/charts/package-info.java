/** The pictures of training: loss and accuracy curves, the confusion matrix, misclassified examples. */
package org.cnnlab.train.charts;

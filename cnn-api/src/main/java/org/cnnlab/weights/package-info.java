/**
 * Trained weights from the files people have: PyTorch state dicts as {@code torch.save} writes them
 * ({@code .pth}) and {@code .safetensors}, read without running any Python and matched to a network's
 * layers by name and shape.
 */
package org.cnnlab.weights;

package org.cnnlab.model;

import java.util.OptionalLong;
import org.cnnlab.geometry.Volume;

/**
 * Everything the arithmetic says about one layer of a network: its name and position, what goes in and
 * out, what it learns and costs, how much of the input image one of its outputs sees, and what a fully
 * connected layer doing the same mapping would need.
 *
 * @param index          1-based position in the network
 * @param name           {@code conv1}, {@code pool2}… unique in the network
 * @param layer          the layer itself
 * @param input          the volume it receives
 * @param output         the volume it makes
 * @param parameters     learned numbers
 * @param multiplyAdds   multiply-add operations per image
 * @param receptiveField how many input pixels (height x width) one output number depends on; empty for
 *                       dense layers, which see the whole input
 * @param fcParameters   for conv and dense layers, the parameters a dense layer mapping the same input
 *                       volume to the same output volume would need
 */
public record LayerInfo(int index, String name, Layer layer, Volume input, Volume output, long parameters,
        long multiplyAdds, String receptiveField, OptionalLong fcParameters) {
}

package org.cnnlab.pictures;

/**
 * Which numbers share one colour scale. Per tile shows each tile's own pattern at full contrast, but a
 * tile of tiny numbers looks as strong as one of large numbers; global keeps tiles comparable, so a weak
 * filter looks weak.
 */
public enum Normalize {
    /** Each tile from its own smallest to largest value (or largest magnitude, for a diverging map). */
    PER_TILE,
    /** The tiles of one grid row share a scale: every input channel of one filter, for example. */
    PER_ROW,
    /** All tiles share one scale. */
    GLOBAL
}

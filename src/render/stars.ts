/** Stars are decided in the core (they follow p-values); the renderers use the same rule. */
export { stars, starNote, DEFAULT_STAR_LEVELS } from "../core/inference/stars";

/** The layouts' point caps (kept apart from the layouts so the page can show them without loading them). */

/** Largest number of points UMAP runs on; larger sets are sampled (seeded). */
export const UMAP_MAX_POINTS = 50_000;
/** Largest number of points t-SNE runs on; larger sets are sampled (seeded). */
export const TSNE_MAX_POINTS = 20_000;

/** Small dense linear algebra in float64, written once and tested on its own. */
export { mat, identity, transpose, matmul, matmulTN, frobenius, column, leadingColumns } from './mat';
export { symEig, type SymEig } from './eig';
export { svd, type Svd } from './svd';
export { svdRight, type RightSvd } from './bidiagonalSvd';
export { qr } from './qr';
export { pinvSym, pinv, logdetSpd, procrustesRotation } from './solve';

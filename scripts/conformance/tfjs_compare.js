// Compares `sieve predict --json` with a TensorFlow.js reference written by
// scripts/formats/tfjs_graph_reference.js on the same input tensor.
// Usage: node tfjs_compare.js PREDICT.json REFERENCE.json
// Prints the largest difference relative to the reference's largest magnitude, or "size" when
// the outputs differ in size.
const fs = require('fs');
const [predicted, reference] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const ours = predicted.output;
const ref = reference.output;
const count = ref.shape.reduce((a, b) => a * b, 1);
if (!Array.isArray(ours) || ours.length !== count) {
  console.log(`size ${Array.isArray(ours) ? ours.length : 'none'} vs ${count}`);
  process.exit(0);
}
let largest = 0;
let diff = 0;
ref.values.forEach((v, i) => {
  largest = Math.max(largest, Math.abs(v));
  diff = Math.max(diff, Math.abs(v - ours[i * ref.step]));
});
console.log((diff / Math.max(largest, 1e-30)).toExponential(1));

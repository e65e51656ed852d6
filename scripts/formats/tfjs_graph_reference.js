// Computes reference outputs of a TensorFlow.js graph model with TensorFlow.js itself.
//
// Usage (in a folder where `npm install @tensorflow/tfjs-core@4 @tensorflow/tfjs-backend-cpu@4
// @tensorflow/tfjs-converter@4` was run):
//   NODE_PATH=FOLDER/node_modules node scripts/formats/tfjs_graph_reference.js MODEL.json OUT.json NODE [NODE...]
// The input is the probe image of scripts/formats/onnx_models.py, channels last:
// x[y, x, c] = 0.5 + 0.5 * sin(0.37 * y + 0.23 * x + 1.1 * c). The first NODE is written as
// "output", the others under "inner" by node name; each tensor with its shape and the values at
// every step-th flat index (at most 1000 values).
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');

async function main() {
  const [file, out, ...nodes] = process.argv.slice(2);
  await tf.setBackend('cpu');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dir = path.dirname(file);
  const handler = {
    load: async () => {
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology, weightSpecs: specs, format: json.format,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        userDefinedMetadata: json.userDefinedMetadata, signature: json.signature,
      };
    },
  };
  const model = await converter.loadGraphModel(handler);
  const shape = model.inputs[0].shape.map((d) => (d < 0 ? 1 : d));
  const [, h, w, c] = shape;
  const values = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) {
    values[(y * w + x) * c + k] = 0.5 + 0.5 * Math.sin(0.37 * y + 0.23 * x + 1.1 * k);
  }
  const input = tf.tensor(values, shape);
  const results = await model.executeAsync({ [model.inputs[0].name]: input }, nodes);
  const tensors = Array.isArray(results) ? results : [results];
  const sampled = (t) => {
    const flat = t.dataSync();
    const step = Math.max(1, Math.ceil(flat.length / 1000));
    const v = [];
    for (let i = 0; i < flat.length; i += step) v.push(flat[i]);
    return { shape: t.shape, step, values: v };
  };
  const reference = {
    input: { channels: c, height: h, width: w },
    output: sampled(tensors[0]),
    inner: Object.fromEntries(nodes.slice(1).map((n, i) => [n, sampled(tensors[i + 1])])),
    writer: `@tensorflow/tfjs-converter ${converter.version_converter}, tfjs-backend-cpu, node ${process.version}`,
  };
  fs.writeFileSync(out, JSON.stringify(reference));
  console.log(out, 'written, output', tensors[0].shape);
}

main().catch((e) => { console.error(e); process.exit(1); });

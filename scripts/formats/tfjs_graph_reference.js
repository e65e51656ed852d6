// Computes reference outputs of a TensorFlow.js graph model with TensorFlow.js itself.
//
// Usage (in a folder where `npm install @tensorflow/tfjs-core@4 @tensorflow/tfjs-backend-cpu@4
// @tensorflow/tfjs-converter@4` was run):
//   NODE_PATH=FOLDER/node_modules node scripts/formats/tfjs_graph_reference.js MODEL.json OUT.json NODE [NODE...]
// The input is the probe image of scripts/formats/onnx_models.py, channels last:
// x[y, x, c] = 0.5 + 0.5 * sin(0.37 * y + 0.23 * x + 1.1 * c). The first NODE is written as
// "output", the others under "inner" by node name; each tensor with its shape and the values at
// every step-th flat index (at most 1000 values). Without NODE, the model's first output.
// With PROBE_PNG=FILE in the environment, the probe is rounded to 8 bits, written to FILE as an RGB
// or grey PNG of the model's input size, and fed as those values (byte / 255): the image that
// `sieve predict` reads gives the same input tensor. A graph that takes int32 pixels is fed the
// bytes themselves, as Sieve feeds it when imported with --normalization zero-to-255.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');
const zlib = require('zlib');

/** A minimal 8-bit PNG (colour type 0 grey or 2 RGB), no filtering. */
function writePng(file, bytes, h, w, c) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let k = n;
    for (let i = 0; i < 8; i++) k = k & 1 ? 0xedb88320 ^ (k >>> 1) : k >>> 1;
    return k >>> 0;
  });
  const crc = (buf) => {
    let x = 0xffffffff;
    for (const b of buf) x = crcTable[(x ^ b) & 0xff] ^ (x >>> 8);
    return (x ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  header[9] = c === 1 ? 0 : 2;
  const rows = Buffer.alloc(h * (1 + w * c));
  for (let y = 0; y < h; y++) {
    rows[y * (1 + w * c)] = 0;
    for (let i = 0; i < w * c; i++) rows[y * (1 + w * c) + 1 + i] = bytes[y * w * c + i];
  }
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

async function main() {
  const [file, out, ...named] = process.argv.slice(2);
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
  // Without NODE, the model's (first) output.
  const nodes = named.length ? named : [model.outputs[0].name];
  // Batch 1; a graph that takes any size is fed 256x256, as Sieve reads it.
  const shape = model.inputs[0].shape.map((d, i) => (d >= 0 ? d : i === 0 ? 1 : 256));
  const [, h, w, c] = shape;
  const values = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) {
    values[(y * w + x) * c + k] = 0.5 + 0.5 * Math.sin(0.37 * y + 0.23 * x + 1.1 * k);
  }
  if (process.env.PROBE_PNG) {
    const bytes = values.map((v) => Math.round(v * 255));
    writePng(process.env.PROBE_PNG, bytes, h, w, c);
    for (let i = 0; i < values.length; i++) values[i] = bytes[i] / 255;
  }
  // A graph that takes integer pixels is fed the bytes (import it with --normalization zero-to-255).
  const int = model.inputs[0].dtype === 'int32';
  const input = int ? tf.tensor(values.map((v) => Math.round(v * 255)), shape, 'int32') : tf.tensor(values, shape);
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

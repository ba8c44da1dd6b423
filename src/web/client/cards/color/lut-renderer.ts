// The pure grading modules have no Node imports (checked by bundling them for the browser), so the live
// preview compiles and applies the very LUT the server renders with, rather than a re-implementation.
import type { Lut3d } from "../../../../media/color/lut.ts";
import { lutPreviewGlsl, packLutTexture } from "../../../../media/color/webgl-lut.ts";

/** Draws an image through a 3D LUT on a WebGL2 canvas; left of `split` shows the original. */
export type LutRenderer = {
  setImage(image: HTMLImageElement): void;
  setLut(lut: Lut3d): void;
  render(split: number): void;
  dispose(): void;
};

const vertexSource = `#version 300 es
in vec2 aPosition;
out vec2 vUv;
void main() {
  vUv = vec2((aPosition.x + 1.0) * 0.5, (1.0 - aPosition.y) * 0.5);
  gl_Position = vec4(aPosition, 0.0, 1.0);
}`;

const fragmentSource = `#version 300 es
precision highp float;
precision highp sampler3D;
${lutPreviewGlsl}
uniform sampler2D uImage;
uniform float uSplit;
in vec2 vUv;
out vec4 outColor;
void main() {
  vec4 color = texture(uImage, vUv);
  outColor = vUv.x < uSplit ? color : vec4(applyLut(color.rgb), color.a);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error("WebGL2 could not create a shader");
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`The LUT shader did not compile: ${gl.getShaderInfoLog(shader) ?? ""}`);
  }
  return shader;
}

/** A renderer on `canvas`, or null when the browser has no WebGL2. */
export function createLutRenderer(canvas: HTMLCanvasElement): LutRenderer | null {
  const gl = canvas.getContext("webgl2", { premultipliedAlpha: false, preserveDrawingBuffer: true });
  if (!gl) return null;
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertexSource));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragmentSource));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`The LUT shader did not link: ${gl.getProgramInfoLog(program) ?? ""}`);
  }
  // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook
  gl.useProgram(program);
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  const position = gl.getAttribLocation(program, "aPosition");
  gl.enableVertexAttribArray(position);
  gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
  const imageTexture = gl.createTexture();
  const lutTexture = gl.createTexture();
  gl.uniform1i(gl.getUniformLocation(program, "uImage"), 0);
  gl.uniform1i(gl.getUniformLocation(program, "uLut"), 1);
  let ready = { image: false, lut: false };
  return {
    setImage(image) {
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      gl.viewport(0, 0, canvas.width, canvas.height);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, imageTexture);
      // Code values must reach the shader untouched, as the still path reads them.
      gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, image);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      ready = { ...ready, image: true };
    },
    setLut(lut) {
      const texture = packLutTexture(lut, "rgb32f");
      gl.activeTexture(gl.TEXTURE1);
      gl.bindTexture(gl.TEXTURE_3D, lutTexture);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.texImage3D(
        gl.TEXTURE_3D,
        0,
        gl.RGB32F,
        texture.size,
        texture.size,
        texture.size,
        0,
        gl.RGB,
        gl.FLOAT,
        texture.data,
      );
      gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      gl.uniform1f(gl.getUniformLocation(program, "uLutSize"), texture.size);
      gl.uniform3fv(gl.getUniformLocation(program, "uLutDomainMin"), texture.domainMin);
      gl.uniform3fv(gl.getUniformLocation(program, "uLutDomainMax"), texture.domainMax);
      ready = { ...ready, lut: true };
    },
    render(split) {
      if (!ready.image || !ready.lut) return;
      gl.uniform1f(gl.getUniformLocation(program, "uSplit"), split);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    },
    dispose() {
      gl.deleteTexture(imageTexture);
      gl.deleteTexture(lutTexture);
      gl.deleteBuffer(buffer);
      gl.deleteProgram(program);
    },
  };
}

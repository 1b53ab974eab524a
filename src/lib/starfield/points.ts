/**
 * The GPU side of the sky: one geometry, one material, one Points object, one draw call. Built from
 * the CPU arrays, which are kept, so a lost WebGL context can be rebuilt without regenerating.
 */
import {
	AdditiveBlending,
	BufferAttribute,
	BufferGeometry,
	Points,
	ShaderMaterial,
	type IUniform
} from 'three';
import type { StarData } from './generate-stars';
import { fragmentShader, vertexShader } from './shaders';

export interface StarUniforms {
	[name: string]: IUniform<number | number[]>;
	uProgress: IUniform<number>;
	uTime: IUniform<number>;
	uMotion: IUniform<number>;
	uAspect: IUniform<number>;
	uPixelRatio: IUniform<number>;
	uViewport: IUniform<number[]>;
	uMaxPointSize: IUniform<number>;
}

export function createUniforms(): StarUniforms {
	return {
		uProgress: { value: 0 },
		uTime: { value: 0 },
		uMotion: { value: 1 },
		uAspect: { value: 1 },
		uPixelRatio: { value: 1 },
		uViewport: { value: [1, 1] },
		uMaxPointSize: { value: 256 }
	};
}

export function createStarPoints(data: StarData, uniforms: StarUniforms) {
	const geometry = new BufferGeometry();
	// "position" holds where a star settles (x, y, depth); three sizes the draw from it
	geometry.setAttribute('position', new BufferAttribute(data.end, 3));
	geometry.setAttribute('aStart', new BufferAttribute(data.start, 2));
	geometry.setAttribute('aColor', new BufferAttribute(data.color, 3));
	geometry.setAttribute('aParams', new BufferAttribute(data.params, 4));
	geometry.setAttribute('aRole', new BufferAttribute(data.role, 2));

	const material = new ShaderMaterial({
		uniforms,
		vertexShader,
		fragmentShader,
		transparent: true,
		depthTest: false,
		depthWrite: false,
		blending: AdditiveBlending
	});

	const points = new Points(geometry, material);
	// positions are computed in the shader in clip space; a bounding sphere would be meaningless
	points.frustumCulled = false;

	return {
		points,
		geometry,
		setDrawCount(n: number) {
			geometry.setDrawRange(0, Math.min(n, data.count));
		},
		dispose() {
			geometry.dispose();
			material.dispose();
		}
	};
}

/**
 * Just enough protobuf to read the few messages of Anki's latest format that
 * Recall needs (note type kind, card templates, deck kind, the media list,
 * the package version). A message is read into its fields by number; nothing
 * is decoded that is not asked for, and unknown fields are skipped.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

export class ProtobufError extends Error {
	override name = 'ProtobufError';
}

/** A field's value: a number for varints, the raw bytes for length-delimited fields. */
export type FieldValue = number | Uint8Array;

/** The fields of one message by number, each with every value it had (repeated fields have several). */
export type ProtoMessage = Map<number, FieldValue[]>;

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
	let value = 0;
	let scale = 1;
	for (let i = 0; i < 10; i++) {
		if (at >= bytes.length) throw new ProtobufError('truncated varint');
		const byte = bytes[at++] as number;
		// Multiplication rather than shifts: exact up to 2^53, which every value read here stays under.
		value += (byte & 0x7f) * scale;
		if ((byte & 0x80) === 0) return [value, at];
		scale *= 128;
	}
	throw new ProtobufError('varint longer than 10 bytes');
}

export function decodeMessage(bytes: Uint8Array): ProtoMessage {
	const fields: ProtoMessage = new Map();
	let at = 0;
	while (at < bytes.length) {
		let key: number;
		[key, at] = readVarint(bytes, at);
		const field = Math.floor(key / 8);
		const wire = key % 8;
		let value: FieldValue | undefined;
		switch (wire) {
			case WIRE_VARINT:
				[value, at] = readVarint(bytes, at);
				break;
			case WIRE_FIXED64:
				at += 8;
				break;
			case WIRE_FIXED32:
				at += 4;
				break;
			case WIRE_BYTES: {
				let length: number;
				[length, at] = readVarint(bytes, at);
				if (at + length > bytes.length) throw new ProtobufError('truncated field');
				value = bytes.subarray(at, at + length);
				at += length;
				break;
			}
			default:
				throw new ProtobufError(`unsupported wire type ${wire}`);
		}
		if (at > bytes.length) throw new ProtobufError('truncated field');
		if (field === 0) throw new ProtobufError('field number 0');
		if (value === undefined) continue;
		const values = fields.get(field);
		if (values) values.push(value);
		else fields.set(field, [value]);
	}
	return fields;
}

const utf8 = new TextDecoder();

/** The last value of a string field ('' when absent, as protobuf defaults it). */
export function stringField(message: ProtoMessage, field: number): string {
	const value = message.get(field)?.at(-1);
	return value instanceof Uint8Array ? utf8.decode(value) : '';
}

/** The last value of a varint field (0 when absent). */
export function numberField(message: ProtoMessage, field: number): number {
	const value = message.get(field)?.at(-1);
	return typeof value === 'number' ? value : 0;
}

/** Whether a field is present at all (for `optional` fields and `oneof` cases). */
export function hasField(message: ProtoMessage, field: number): boolean {
	return message.has(field);
}

/** Every value of a repeated message field, as bytes. */
export function messageFields(message: ProtoMessage, field: number): Uint8Array[] {
	return (message.get(field) ?? []).filter((value): value is Uint8Array => value instanceof Uint8Array);
}

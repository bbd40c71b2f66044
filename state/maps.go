package state

import "maps"

// The model's maps are never changed in place: Update returns a new model
// and leaves the one it was given as it was. These make the copies.

// with returns a copy of values with k set to v.
func with[V any](values map[string]V, k string, v V) map[string]V {
	out := make(map[string]V, len(values)+1)
	maps.Copy(out, values)
	out[k] = v
	return out
}

// without returns a copy of values without k; nil when nothing is left.
func without[V any](values map[string]V, k string) map[string]V {
	out := maps.Clone(values)
	delete(out, k)
	if len(out) == 0 {
		return nil
	}
	return out
}

// withText sets k to v in a map of texts, where an empty text means none.
func withText(values map[string]string, k, v string) map[string]string {
	if v == "" {
		return without(values, k)
	}
	return with(values, k, v)
}

// withOptional sets k to *v, or removes it when v is nil.
func withOptional[V any](values map[string]V, k string, v *V) map[string]V {
	if v == nil {
		return without(values, k)
	}
	return with(values, k, *v)
}

// withIn sets k to *v in the inner map of outer, or removes it when v is
// nil; an inner map left empty goes, and the whole is nil when empty.
func withIn[V any](values map[string]map[string]V, outer, k string, v *V) map[string]map[string]V {
	return withMap(values, outer, withOptional(values[outer], k, v))
}

// withMap sets outer to inner, or removes it when inner is empty.
func withMap[V any](values map[string]map[string]V, outer string, inner map[string]V) map[string]map[string]V {
	if len(inner) == 0 {
		return without(values, outer)
	}
	return with(values, outer, inner)
}

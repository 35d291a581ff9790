package programs

// The known keys at each level of a program file, in documentation order.
// They drive the "unknown key" check and its did-you-mean suggestion.
// Functions rather than package variables keep the lists immutable.

// field decodes the value of one key of a mapping into the T being built.
type field[T any] struct {
	key    string
	decode func(d *decoder, e entry, into *T)
}

// keysOf returns the keys of fields, in their order.
func keysOf[T any](fields []field[T]) []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	return keys
}

// decodeFields decodes each of entries, in their order, with the field
// of its key (mapping has left out the unknown keys).
func decodeFields[T any](d *decoder, entries []entry, fields []field[T], into *T) {
	for _, e := range entries {
		for _, f := range fields {
			if f.key == e.key {
				f.decode(d, e, into)
				break
			}
		}
	}
}

// decodeMapping decodes the mapping of e, named what in errors, with
// fields; nil when it is null or not a mapping.
func decodeMapping[T any](d *decoder, e entry, what string, fields []field[T]) *T {
	if isNull(e.v) {
		return nil
	}
	entries, ok := d.mapping(e.v, what, keysOf(fields))
	if !ok {
		return nil
	}
	into := new(T)
	decodeFields(d, entries, fields, into)
	return into
}

// programKeys are the keys of the top-level mapping.
func programKeys() []string { return keysOf(programFields()) }

// planKeys are the keys of one entry of plans.
func planKeys() []string { return keysOf(planFields()) }

// currencyKeys are the keys of currency.
func currencyKeys() []string {
	return []string{"code", "symbol"}
}

// scenarioKeys are the keys of one entry of scenarios.
func scenarioKeys() []string {
	return []string{"name", "id", "billing", "ramp", "mix"}
}

// rampKeys are the keys of a scenario's ramp.
func rampKeys() []string {
	return []string{"months", "churn"}
}

// commissionKeys are the keys of a commission mapping.
func commissionKeys() []string { return keysOf(commissionFields()) }

package tplfuncs

import (
	"fmt"
	"math"
	"strconv"
)

// arith does integer arithmetic when both operands are whole numbers and
// float arithmetic otherwise. It is for layout (counts, widths), never
// for money: money is formatted by the affiliate shortcodes.
func arith(op byte) func(a, b any) (any, error) {
	return func(a, b any) (any, error) {
		ia, okA := asInt(a)
		ib, okB := asInt(b)
		if okA && okB {
			switch op {
			case '+':
				return ia + ib, nil
			case '-':
				return ia - ib, nil
			case '*':
				return ia * ib, nil
			default:
				if ib == 0 {
					return nil, fmt.Errorf("division by zero")
				}
				return ia / ib, nil
			}
		}
		fa, err1 := strconv.ParseFloat(fmt.Sprint(a), 64)
		fb, err2 := strconv.ParseFloat(fmt.Sprint(b), 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("cannot do arithmetic on %v and %v", a, b)
		}
		var r float64
		switch op {
		case '+':
			r = fa + fb
		case '-':
			r = fa - fb
		case '*':
			r = fa * fb
		default:
			r = fa / fb
		}
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return nil, fmt.Errorf("arithmetic result is not a number")
		}
		return r, nil
	}
}

func asInt(v any) (int64, bool) {
	switch t := v.(type) {
	case int:
		return int64(t), true
	case int64:
		return t, true
	case int32:
		return int64(t), true
	}
	return 0, false
}

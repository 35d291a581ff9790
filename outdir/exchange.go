package outdir

import "errors"

// errNoExchange says the system or file system cannot exchange two
// folders atomically.
var errNoExchange = errors.New("no atomic exchange")

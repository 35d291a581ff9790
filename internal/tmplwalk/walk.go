// Package tmplwalk reads the parse trees of Go templates: it visits
// their nodes (Walk), the field chains and functions they name and the
// partials they call (Idents), and tells whether they read a chain on a
// value other than their own dot (Reaches). generator finds from it what
// its templates read (templateuse.go) and rewrites .Params chains.
package tmplwalk

import "text/template/parse"

// Walk calls f for n and for every node below it in a template's
// parse tree, each before the nodes below it, as go/ast.Inspect does:
// the nodes of a list, a pipeline's commands, a command's arguments, an
// if's, range's or with's pipeline and lists, a template call's pipeline,
// and the node a chain's fields follow.
func Walk(n parse.Node, f func(parse.Node)) {
	switch x := n.(type) {
	case nil:
		return
	case *parse.ListNode: // an if's absent else
		if x == nil {
			return
		}
	case *parse.PipeNode: // a template call without one
		if x == nil {
			return
		}
	}
	f(n)
	switch x := n.(type) {
	case *parse.ListNode:
		for _, c := range x.Nodes {
			Walk(c, f)
		}
	case *parse.ActionNode:
		Walk(x.Pipe, f)
	case *parse.PipeNode:
		for _, c := range x.Cmds {
			Walk(c, f)
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			Walk(a, f)
		}
	case *parse.IfNode:
		walkBranch(&x.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&x.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&x.BranchNode, f)
	case *parse.TemplateNode:
		Walk(x.Pipe, f)
	case *parse.ChainNode:
		Walk(x.Node, f)
	}
}

// walkBranch walks an if, range or with: its pipeline and both lists.
func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	Walk(b.Pipe, f)
	Walk(b.List, f)
	Walk(b.ElseList, f)
}

// Idents calls f for each field name in the tree (with the name
// before it in its chain, or "") and each function called (fn true), and
// partial with the name of each partial called by a constant name, ""
// for one named otherwise.
func Idents(n parse.Node, f func(ident, prev string, fn bool), partial func(string)) {
	chain := func(idents []string) {
		prev := ""
		for _, id := range idents {
			f(id, prev, false)
			prev = id
		}
	}
	Walk(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.CommandNode:
			if name, ok := partialCall(n); ok {
				partial(name)
			}
		case *parse.FieldNode:
			chain(n.Ident)
		case *parse.VariableNode:
			chain(n.Ident[1:])
		case *parse.ChainNode:
			chain(n.Field)
		case *parse.IdentifierNode:
			f(n.Ident, "", true)
		}
	})
}

// partialCall tells whether n calls partial or partialCached, and the
// partial's name when a constant gives it ("" otherwise).
func partialCall(n *parse.CommandNode) (string, bool) {
	if len(n.Args) == 0 {
		return "", false
	}
	if id, ok := n.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partial" && id.Ident != "partialCached" {
		return "", false
	}
	if len(n.Args) > 1 {
		if s, ok := n.Args[1].(*parse.StringNode); ok {
			return s.Text, true
		}
	}
	return "", true
}

// Reaches tells whether the tree below n reads a chain of fields that
// link accepts on a value that may be another than the template's own
// dot: other tells whether the dot (and $) may be one; the body of a
// range or a with has one, a variable other than $ may hold one, and a
// chain on a parenthesized value reads on one.
func Reaches(n parse.Node, other bool, link func(fields []string) bool) bool {
	return reaches(n, other, other, link)
}

// reaches is Reaches, dot and root telling whether the dot and $ may be
// another value.
func reaches(n parse.Node, dot, root bool, link func([]string) bool) bool {
	found := false
	Walk(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.RangeNode:
			found = found || !dot && reaches(n.List, true, root, link)
		case *parse.WithNode:
			found = found || !dot && reaches(n.List, true, root, link)
		case *parse.FieldNode:
			found = found || dot && link(n.Ident)
		case *parse.VariableNode:
			found = found || (root || n.Ident[0] != "$") && link(n.Ident[1:])
		case *parse.ChainNode:
			found = found || link(n.Field)
		}
	})
	return found
}

// PartialCalls calls f with the name of each partial the tree below n
// calls ("" for one named at run time) and whether the value it gives
// the partial may be another than the template's own dot: other tells
// whether the dot (and $) may be one; a call in the body of a range or
// a with, or given anything but the dot or $, gives one.
func PartialCalls(n parse.Node, other bool, f func(name string, other bool)) {
	partialCalls(n, other, other, f)
}

// partialCalls is PartialCalls, dot and root telling whether the dot and
// $ may be another value.
func partialCalls(n parse.Node, dot, root bool, f func(string, bool)) {
	Walk(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.RangeNode:
			if !dot {
				partialCalls(n.List, true, root, f)
			}
		case *parse.WithNode:
			if !dot {
				partialCalls(n.List, true, root, f)
			}
		case *parse.CommandNode:
			if name, ok := partialCall(n); ok {
				f(name, !ownArg(n, dot, root))
			}
		}
	})
}

// ownArg tells whether a partial call gives the template's own dot: the
// dot where it is the template's, or $ where $ is.
func ownArg(n *parse.CommandNode, dot, root bool) bool {
	if len(n.Args) != 3 {
		return false
	}
	switch a := n.Args[2].(type) {
	case *parse.DotNode:
		return !dot
	case *parse.VariableNode:
		return len(a.Ident) == 1 && a.Ident[0] == "$" && !root
	}
	return false
}

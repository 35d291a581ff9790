package generator

import "text/template/parse"

// walkTree calls f for n and for every node below it in a template's
// parse tree, each before the nodes below it, as go/ast.Inspect does:
// the nodes of a list, a pipeline's commands, a command's arguments, an
// if's, range's or with's pipeline and lists, a template call's pipeline,
// and the node a chain's fields follow. Template readers (templateUse)
// and the rewrite of .Params chains walk with it.
func walkTree(n parse.Node, f func(parse.Node)) {
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
			walkTree(c, f)
		}
	case *parse.ActionNode:
		walkTree(x.Pipe, f)
	case *parse.PipeNode:
		for _, c := range x.Cmds {
			walkTree(c, f)
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			walkTree(a, f)
		}
	case *parse.IfNode:
		walkBranch(&x.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&x.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&x.BranchNode, f)
	case *parse.TemplateNode:
		walkTree(x.Pipe, f)
	case *parse.ChainNode:
		walkTree(x.Node, f)
	}
}

// walkBranch walks an if, range or with: its pipeline and both lists.
func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walkTree(b.Pipe, f)
	walkTree(b.List, f)
	walkTree(b.ElseList, f)
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/affsite/affsite/wpimport"
)

// completionCommands are the commands and their flags, for completion:
// the flag sets the commands themselves parse with, so a new flag is
// completed without a second list to keep.
func completionCommands() []*flagSet {
	return []*flagSet{
		buildFlags(new(buildArgs)),
		serveFlags(new(serveArgs)),
		checkFlags(new(checkArgs)),
		newSiteFlags(new(bool)),
		newReviewFlags(new(string), new(string)),
		newProgramFlags(new(string), new(string), new(string)),
		newPageFlags(new(string), new(string)),
		importFlags(new(wpimport.Options), new(repeated)),
	}
}

// importSources are the sources "affsite import" reads, with what each is.
var importSources = [...][2]string{
	{"wordpress", "create a site from a WordPress export (WXR)"},
}

// newKinds are the kinds "affsite new" creates, with what each is.
var newKinds = [...][2]string{
	{"site", "create a site"},
	{"review", "write a review of a program"},
	{"program", "write a program data file"},
	{"page", "write a page that is not a review (about, contact)"},
}

// newKindNames are the names of newKinds, in their order: what bash
// offers after "new", what fish stops offering once one is typed, and
// what a mistyped kind is matched against.
func newKindNames() []string {
	names := make([]string, len(newKinds))
	for i, k := range newKinds {
		names[i] = k[0]
	}
	return names
}

func runCompletion(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 {
		switch args[0] {
		case "bash":
			writeBashCompletion(stdout)
			return exitOK
		case "zsh":
			writeZshCompletion(stdout)
			return exitOK
		case "fish":
			writeFishCompletion(stdout)
			return exitOK
		case "-h", "--help":
			fmt.Fprint(stdout, completionHelp)
			return exitOK
		}
	}
	fmt.Fprint(stderr, "affsite completion: want one shell: bash, zsh or fish\n\n"+completionHelp)
	return exitUsage
}

const completionHelp = `Usage: affsite completion bash|zsh|fish

Print a script that completes affsite's commands and flags in the shell.

  bash:  source <(affsite completion bash)          # in ~/.bashrc
  zsh:   source <(affsite completion zsh)           # in ~/.zshrc, after compinit
  fish:  affsite completion fish > ~/.config/fish/completions/affsite.fish
`

// flagWords are a set's flags as typed: --source -s --minify ….
func flagWords(fs *flagSet) string {
	var w []string
	for _, d := range fs.flags {
		w = append(w, dashed(d.name))
		if d.short != "" {
			w = append(w, dashed(d.short))
		}
	}
	return strings.Join(append(w, "--help"), " ")
}

// valueKind says what a flag's value is for completion: "dir", "file",
// "choice" or "" (anything: a URL, a port).
func valueKind(d *flagDef) string {
	switch {
	case len(d.choices) > 0:
		return "choice"
	case d.meta == "DIR":
		return "dir"
	case d.meta == "FILE" || strings.HasPrefix(d.meta, "FILE."):
		return "file"
	}
	return ""
}

func commandNames() string {
	var n []string
	for _, c := range commands {
		n = append(n, c.name)
	}
	return strings.Join(n, " ")
}

// bashHead is the bash completion script up to the cases of each
// command's flags; its %s are the command names, the kinds of new, and
// the command names again.
const bashHead = `# bash completion for affsite; load it with: source <(affsite completion bash)
_affsite() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd=${COMP_WORDS[1]} first=2
    COMPREPLY=()
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%s" -- "$cur"))
        return
    fi
    case $cmd in
    server) cmd=serve ;;
    new)
        if [[ $COMP_CWORD -eq 2 ]]; then
            COMPREPLY=($(compgen -W "%s" -- "$cur"))
            return
        fi
        cmd="new ${COMP_WORDS[2]}" first=3 ;;
    import)
        if [[ $COMP_CWORD -eq 2 ]]; then
            COMPREPLY=($(compgen -W "wordpress" -- "$cur"))
            return
        fi
        cmd="import ${COMP_WORDS[2]}" first=3 ;;
    help)
        [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "%s" -- "$cur"))
        return ;;
    completion)
        [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
        return ;;
    esac
    local flags=""
    case $cmd in
`

// bashTail ends the bash completion script.
const bashTail = `    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    elif [[ $cmd == "new site" ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
    fi
}
complete -o default -F _affsite affsite
`

// writeBashCompletion writes the bash completion script.
func writeBashCompletion(w io.Writer) {
	fmt.Fprintf(w, bashHead, commandNames(), strings.Join(newKindNames(), " "), commandNames())
	for _, fs := range completionCommands() {
		writeBashCommand(w, fs)
	}
	fmt.Fprint(w, bashTail)
}

// writeBashCommand writes the case of one command: what its flags that
// take a folder, a file or a choice complete to, then its flags.
func writeBashCommand(w io.Writer, fs *flagSet) {
	fmt.Fprintf(w, "    %q)\n", fs.path)
	dirs, files, choices := bashValueCases(fs)
	fmt.Fprint(w, "        case $prev in\n")
	if len(dirs) > 0 {
		fmt.Fprintf(w, "        %s) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", strings.Join(dirs, "|"))
	}
	if len(files) > 0 {
		fmt.Fprintf(w, "        %s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", strings.Join(files, "|"))
	}
	fmt.Fprint(w, strings.Join(choices, ""))
	fmt.Fprint(w, "        esac\n")
	fmt.Fprintf(w, "        flags=%q ;;\n", flagWords(fs))
}

// bashValueCases sorts the flags of fs that take a value by what it
// completes to: the patterns of those that take a folder and of those
// that take a file, and a whole case for each that takes a choice.
func bashValueCases(fs *flagSet) (dirs, files, choices []string) {
	for _, d := range fs.flags {
		names := dashed(d.name)
		if d.short != "" {
			names += "|" + dashed(d.short)
		}
		switch valueKind(d) {
		case "dir":
			dirs = append(dirs, names)
		case "file":
			files = append(files, names)
		case "choice":
			choices = append(choices, fmt.Sprintf("        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", names, strings.Join(d.choices, " ")))
		}
	}
	return dirs, files, choices
}

// zshQuote quotes s for zsh in single quotes.
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// zshDesc makes s safe inside _arguments' [description], which ends at
// the first "]".
func zshDesc(s string) string {
	return strings.NewReplacer("[", "(", "]", ")", "\\", `\\`).Replace(s)
}

func writeZshCompletion(w io.Writer) {
	fmt.Fprint(w, "#compdef affsite\n# zsh completion for affsite; load it with: source <(affsite completion zsh)\n_affsite() {\n    local -a commands kinds sources\n    commands=(\n")
	for _, c := range commands {
		fmt.Fprintf(w, "        %s\n", zshQuote(c.name+":"+zshDesc(c.summary)))
	}
	fmt.Fprint(w, "    )\n    kinds=(\n")
	writeZshPairs(w, newKinds[:])
	fmt.Fprint(w, "    )\n    sources=(\n")
	writeZshPairs(w, importSources[:])
	fmt.Fprint(w, zshDispatch)
	for _, fs := range completionCommands() {
		fmt.Fprintf(w, "    %s)\n        _arguments -S \\\n", zshQuote(fs.path))
		for _, d := range fs.flags {
			fmt.Fprintf(w, "            %s \\\n", zshFlagSpec(d))
		}
		fmt.Fprintf(w, "            '(- *)--help[show help]' %s ;;\n", zshOperands(fs.path))
	}
	fmt.Fprint(w, "    esac\n}\nif [[ $funcstack[1] == _affsite ]]; then _affsite \"$@\"; else compdef _affsite affsite; fi\n")
}

// writeZshPairs writes the entries of a zsh array of name:description.
func writeZshPairs(w io.Writer, pairs [][2]string) {
	for _, k := range pairs {
		fmt.Fprintf(w, "        %s\n", zshQuote(k[0]+":"+k[1]))
	}
}

// zshDispatch completes the command name, the kind of new and import,
// and help's and completion's word, then opens the case over the
// commands' flags.
const zshDispatch = `    )
    if (( CURRENT == 2 )); then
        _describe command commands
        return
    fi
    local cmd=$words[2]
    shift words; (( CURRENT-- ))
    case $cmd in
    server) cmd=serve ;;
    new)
        if (( CURRENT == 2 )); then
            _describe kind kinds
            return
        fi
        cmd="new $words[2]"
        shift words; (( CURRENT-- )) ;;
    import)
        if (( CURRENT == 2 )); then
            _describe source sources
            return
        fi
        cmd="import $words[2]"
        shift words; (( CURRENT-- )) ;;
    help) _describe command commands; return ;;
    completion) _values shell bash zsh fish; return ;;
    esac
    case $cmd in
`

// zshFlagSpec is the _arguments spec of a flag, with its value's
// completion.
func zshFlagSpec(d *flagDef) string {
	action := ""
	if d.meta != "" {
		switch valueKind(d) {
		case "dir":
			action = ":" + d.meta + ":_files -/"
		case "file":
			action = ":" + d.meta + ":_files"
		case "choice":
			action = ":" + d.meta + ":(" + strings.Join(d.choices, " ") + ")"
		default:
			action = ":" + d.meta + ": "
		}
	}
	spec := dashed(d.name)
	if d.meta != "" && len(d.name) > 1 {
		spec += "="
	}
	if d.short == "" {
		return zshQuote(spec + "[" + zshDesc(d.usage) + "]" + action)
	}
	return zshQuote("(-"+d.short+" "+dashed(d.name)+")") + "{-" + d.short + "," + spec + "}" +
		zshQuote("["+zshDesc(d.usage)+"]"+action)
}

// zshOperands is the _arguments spec of a command's operands.
func zshOperands(path string) string {
	switch path {
	case "new site":
		return "'1:folder:_files -/'"
	case "import wordpress":
		return "'1:WordPress export:_files'"
	case "build", "serve", "check":
		return ""
	}
	return "'*: :_files'"
}

// fishQuote quotes s for fish in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFishCompletion(w io.Writer) {
	fmt.Fprint(w, "# fish completion for affsite; install it with:\n#   affsite completion fish > ~/.config/fish/completions/affsite.fish\ncomplete -c affsite -f\n")
	for _, c := range commands {
		fmt.Fprintf(w, "complete -c affsite -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	kinds := strings.Join(newKindNames(), " ")
	for _, k := range newKinds {
		fmt.Fprintf(w, "complete -c affsite -n '__fish_seen_subcommand_from new; and not __fish_seen_subcommand_from %s' -a %s -d %s\n", kinds, k[0], fishQuote(k[1]))
	}
	for _, k := range importSources {
		fmt.Fprintf(w, "complete -c affsite -n '__fish_seen_subcommand_from import; and not __fish_seen_subcommand_from %s' -a %s -d %s\n", k[0], k[0], fishQuote(k[1]))
	}
	fmt.Fprintf(w, "complete -c affsite -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from %s' -a %s\n", commandNames(), fishQuote(commandNames()))
	fmt.Fprint(w, "complete -c affsite -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	for _, fs := range completionCommands() {
		cond := "__fish_seen_subcommand_from " + fs.path
		if parent, kind, ok := strings.Cut(fs.path, " "); ok {
			cond = "__fish_seen_subcommand_from " + parent + "; and __fish_seen_subcommand_from " + kind
		} else if fs.path == "serve" {
			cond += " server"
		}
		for _, d := range fs.flags {
			line := fmt.Sprintf("complete -c affsite -n %s", fishQuote(cond))
			if d.short != "" {
				line += " -s " + d.short
			}
			line += " -l " + d.name
			switch valueKind(d) {
			case "dir":
				line += " -r -a '(__fish_complete_directories)'"
			case "file":
				line += " -r -F"
			case "choice":
				line += " -x -a " + fishQuote(strings.Join(d.choices, " "))
			default:
				if d.meta != "" {
					line += " -x"
				}
			}
			fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(d.usage))
		}
		switch fs.path {
		case "new site":
			fmt.Fprintf(w, "complete -c affsite -n %s -a '(__fish_complete_directories)'\n", fishQuote(cond))
		case "import wordpress":
			fmt.Fprintf(w, "complete -c affsite -n %s -F\n", fishQuote(cond))
		}
	}
}

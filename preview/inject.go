package preview

import "bytes"

// reloadScript is injected into every HTML page. It listens to
// EventsPath: "reload" reloads the page when its path changed (or swaps
// the stylesheets when only CSS did), "error" shows the build error in an
// overlay. The message is set with textContent, never as HTML.
const reloadScript = `<script>(function(){
"use strict";
if(!window.EventSource)return;
var box=null;
function here(){var p=location.pathname;try{p=decodeURI(p)}catch(e){}return p.replace(/index\.html$/,"");}
function show(msg){
if(!box){box=document.createElement("pre");box.id="affsite-error";
box.setAttribute("role","alert");
box.style.cssText="position:fixed;left:0;right:0;top:0;z-index:2147483647;margin:0;padding:1em 1.25em;max-height:60vh;overflow:auto;background:#3b0d0d;color:#ffe9e9;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;border-bottom:3px solid #e55";}
box.textContent="affsite: the last edit does not build; showing the last good version.\n\n"+msg;
if(!box.parentNode)(document.body||document.documentElement).appendChild(box);}
function clear(){if(box&&box.parentNode)box.parentNode.removeChild(box);box=null;}
function swapCSS(){var ls=document.querySelectorAll('link[rel~="stylesheet"]');
for(var i=0;i<ls.length;i++){var u=new URL(ls[i].href,location.href);u.searchParams.set("affsite-reload",Date.now());ls[i].href=u.href;}}
var es=new EventSource("` + EventsPath + `");
es.addEventListener("reload",function(e){clear();var d=JSON.parse(e.data);
if(d.all||d.paths.indexOf(here())>=0){location.reload();return;}
if(d.css)swapCSS();});
es.addEventListener("error",function(e){if(typeof e.data==="string")show(e.data);});
})();</script>
`

// injectScript returns page with reloadScript before its last </body>,
// or at its end when it has none. page is not modified.
func injectScript(page []byte) []byte {
	at := lastIndexFold(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:at]...)
	out = append(out, reloadScript...)
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case; sep must be
// lower case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

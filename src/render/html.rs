//! `--format html`: one self-contained page (no network, no external assets) with each
//! document's text and every claim highlighted in the colour of its worst flag; a click shows
//! the claim's value, scope tags (and where each came from), citations and flags. A sidebar
//! counts flags by severity and code, and a sortable table lists every claim of the run.
//!
//! The claims travel as JSON inside the page; the script only reads them. Opening the page
//! with `#selftest` makes it check itself (every claim highlighted, a click opens details, no
//! script error) and write the verdict into `#selftest`, which the browser test reads.

use crate::model::{Claim, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Doc<'a> {
    path: &'a str,
    claims: &'a [Claim],
}

fn esc(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

fn class(c: &Claim) -> &'static str {
    match c.worst_severity() {
        Some(Severity::Error) => "sev-error",
        Some(Severity::Warning) => "sev-warning",
        Some(Severity::Info) => "sev-info",
        None => "sev-none",
    }
}

/// The document's text with `<mark>` around each claim. Spans are byte offsets into `raw`;
/// a claim overlapping the one before it is marked from where that one ends.
fn marked(d: usize, raw: &str, claims: &[Claim]) -> String {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].span.start, claims[i].span.end));
    let mut out = String::new();
    let mut at = 0;
    for i in order {
        let c = &claims[i];
        let start = c.span.start.max(at).min(raw.len());
        let end = c.span.end.max(start).min(raw.len());
        if !raw.is_char_boundary(start) || !raw.is_char_boundary(end) {
            continue;
        }
        out.push_str(&esc(&raw[at..start]));
        out.push_str(&format!(
            "<mark class=\"claim {}\" data-doc=\"{d}\" data-claim=\"{i}\" tabindex=\"0\">{}</mark>",
            class(c),
            esc(&raw[start..end])
        ));
        at = end;
    }
    out.push_str(&esc(&raw[at..]));
    out
}

/// The whole report for the documents of a run, as (path, raw text, claims).
pub fn report(docs: &[(String, String, Vec<Claim>)]) -> String {
    let data: Vec<Doc<'_>> = docs.iter().map(|(p, _, c)| Doc { path: p, claims: c }).collect();
    // `</` inside a script element would end it; JSON allows the escaped form.
    let json = serde_json::to_string(&data).expect("claims serialise").replace("</", "<\\/");
    let mut body = String::new();
    for (d, (path, raw, claims)) in docs.iter().enumerate() {
        body.push_str(&format!(
            "<section class=\"doc\" id=\"doc-{d}\"><h2>{}</h2><p class=\"count\">{} claims</p><pre class=\"text\">{}</pre></section>\n",
            esc(path),
            claims.len(),
            marked(d, raw, claims)
        ));
    }
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimscope report</title>
<style>{STYLE}</style></head>
<body>
<aside id="sidebar"><h1>claimscope</h1><div id="summary"></div><div id="details" hidden></div><pre id="selftest" hidden></pre></aside>
<main>
{body}<section id="matrix"><h2>All claims</h2><table id="claims"><thead><tr>
<th data-key="doc">document</th><th data-key="subject">subject</th><th data-key="kind">kind</th><th data-key="value">value</th>
<th data-key="metric">metric</th><th data-key="market">market</th><th data-key="geography">geography</th><th data-key="period">period</th>
<th data-key="source">source</th><th data-key="flags">flags</th></tr></thead><tbody></tbody></table></section>
</main>
<script type="application/json" id="data">{json}</script>
<script>{SCRIPT}</script>
</body></html>
"#
    )
}

const STYLE: &str = r#"
body{margin:0;display:flex;font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222}
aside{position:sticky;top:0;height:100vh;overflow:auto;width:22rem;flex:none;background:#f6f6f4;border-right:1px solid #ddd;padding:0 1rem}
main{flex:1;padding:0 1.5rem;min-width:0}
pre.text{white-space:pre-wrap;word-break:break-word;font:inherit;background:#fff}
mark.claim{cursor:pointer;border-radius:3px;padding:0 1px}
.sev-error{background:#f8c4c4}.sev-warning{background:#fbe3a6}.sev-info{background:#cfe3fb}.sev-none{background:#d9efd3}
mark.claim.active{outline:2px solid #333}
#details dl{display:grid;grid-template-columns:6.5rem 1fr;gap:.2rem .5rem;margin:0}
#details dt{color:#666}.flag{margin:.3rem 0}.flag b{font-family:monospace}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left}
th{cursor:pointer;background:#f0f0ee}th.sorted::after{content:" \25B4"}th.sorted.desc::after{content:" \25BE"}
.counts li{list-style:none}.counts{padding:0}
"#;

const SCRIPT: &str = r#"
(function(){
'use strict';
var errors=[];
window.addEventListener('error',function(e){errors.push(String(e.message));});
var docs=JSON.parse(document.getElementById('data').textContent);
function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined&&text!==null)e.textContent=text;if(cls)e.className=cls;return e;}
function tag(t){if(!t)return '\u2014';var via={sentence:'',paragraph:' (paragraph)',document:' (document)',citation:' (cited)'}[t.via]||'';return t.text+via+(t.id?' ['+t.id+']':'');}
function value(c){if(c.top)return 'top '+c.top;if(c.value===null||c.value===undefined)return c.kind==='superlative'?'leader':'\u2014';return c.kind==='share'?c.value+'%':'No. '+c.value;}
function show(d,i,mark){
  var c=docs[d].claims[i],box=document.getElementById('details');box.hidden=false;box.textContent='';
  box.appendChild(el('h2',c.kind+' claim'));box.appendChild(el('p','\u201C'+c.text+'\u201D \u2014 '+docs[d].path+':'+c.span.line+':'+c.span.column));
  var dl=el('dl');var rows=[['value',value(c)],['subject',tag(c.subject)],['metric',tag(c.scope.metric)],['market',tag(c.scope.market)],['geography',tag(c.scope.geography)],['period',tag(c.scope.period)],['source',tag(c.scope.source)]];
  rows.forEach(function(r){dl.appendChild(el('dt',r[0]));dl.appendChild(el('dd',r[1]));});box.appendChild(dl);
  (c.citations||[]).forEach(function(x){box.appendChild(el('p','cites '+x.marker+' \u2192 '+(x.reference?(x.reference.url||x.reference.text):'no entry')+': '+x.status,'citation'));});
  if(!c.flags.length)box.appendChild(el('p','no flags'));
  c.flags.forEach(function(f){var p=el('p',null,'flag sev-'+f.severity);p.appendChild(el('b',f.code));p.appendChild(document.createTextNode(' '+f.message));box.appendChild(p);});
  document.querySelectorAll('mark.active').forEach(function(m){m.classList.remove('active');});if(mark)mark.classList.add('active');
}
document.querySelectorAll('mark.claim').forEach(function(m){
  var open=function(){show(+m.dataset.doc,+m.dataset.claim,m);};
  m.addEventListener('click',open);m.addEventListener('keydown',function(e){if(e.key==='Enter')open();});
});
var counts={error:{},warning:{},info:{}},total={error:0,warning:0,info:0};
docs.forEach(function(d){d.claims.forEach(function(c){c.flags.forEach(function(f){counts[f.severity][f.code]=(counts[f.severity][f.code]||0)+1;total[f.severity]++;});});});
var sum=document.getElementById('summary');
['error','warning','info'].forEach(function(s){var h=el('h3',s+'s: '+total[s],'sev-'+s);sum.appendChild(h);var ul=el('ul',null,'counts');
  Object.keys(counts[s]).sort().forEach(function(k){ul.appendChild(el('li',k+' \u00D7 '+counts[s][k]));});sum.appendChild(ul);});
var tbody=document.querySelector('#claims tbody'),rows=[];
docs.forEach(function(d,di){d.claims.forEach(function(c,ci){rows.push({doc:d.path,subject:c.subject?c.subject.text:'',kind:c.kind,value:c.value===null?-1:c.value,shown:value(c),
  metric:c.scope.metric?c.scope.metric.text:'',market:c.scope.market?c.scope.market.text:'',geography:c.scope.geography?c.scope.geography.text:'',
  period:c.scope.period?c.scope.period.text:'',source:c.scope.source?c.scope.source.text:'',flags:c.flags.map(function(f){return f.code;}).join(' '),d:di,i:ci});});});
function draw(){tbody.textContent='';rows.forEach(function(r){var tr=el('tr');['doc','subject','kind','shown','metric','market','geography','period','source','flags'].forEach(function(k){tr.appendChild(el('td',r[k]));});
  tr.addEventListener('click',function(){var m=document.querySelector('mark[data-doc="'+r.d+'"][data-claim="'+r.i+'"]');show(r.d,r.i,m);if(m)m.scrollIntoView({block:'center'});});tbody.appendChild(tr);});}
document.querySelectorAll('#claims th').forEach(function(th){th.addEventListener('click',function(){var k=th.dataset.key,desc=th.classList.contains('sorted')&&!th.classList.contains('desc');
  document.querySelectorAll('#claims th').forEach(function(h){h.classList.remove('sorted','desc');});th.classList.add('sorted');if(desc)th.classList.add('desc');
  rows.sort(function(a,b){var x=a[k],y=b[k];var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y));return desc?-r:r;});draw();});});
draw();
if(location.hash==='#selftest'){
  var want=0;docs.forEach(function(d){want+=d.claims.length;});var marks=document.querySelectorAll('mark.claim').length;
  var first=document.querySelector('mark.claim');var opened=false;
  if(first){first.click();var box=document.getElementById('details');opened=!box.hidden&&box.textContent.indexOf(docs[+first.dataset.doc].claims[+first.dataset.claim].text)>=0;}
  var out=document.getElementById('selftest');out.hidden=false;
  out.textContent=(marks===want&&(opened||want===0)&&errors.length===0?'ok':'FAIL')+' claims='+want+' marks='+marks+' opened='+opened+' errors='+errors.join('|');
}
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Scanner};

    #[test]
    fn every_claim_is_marked_and_the_text_escaped() {
        let raw = "<b>Acme</b> held 31% & ranked No. 1 in 2024.\n海川以23.4%的份额位居第一。";
        let claims = Scanner::with_defaults().unwrap().scan(&Document::from_text(raw.to_string()));
        let page = report(&[("a.txt".to_string(), raw.to_string(), claims.clone())]);
        assert_eq!(page.matches("<mark class=\"claim").count(), claims.len());
        assert!(page.contains("&lt;b&gt;Acme&lt;/b&gt;") && !page.contains("<b>Acme</b>"));
        assert!(!page.contains("src=\"http") && !page.contains("href=\"http"), "no external assets");
    }
}

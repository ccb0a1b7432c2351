//! Prints a few rendered replies with their direction marks made visible.
fn main() {
    use smsup_lang::{join_names, render, Arg, Lang};
    let s = |v: &str| Arg::Str(v.to_string());
    let show = |t: String| println!("{}", t.replace('\u{200F}', "<RLM>").replace('\u{200E}', "<LRM>"));
    show(render(Lang::En, "info", &[("list", s("کمک‌درمانی")), ("count", Arg::Num(120)), ("mode", s("open")), ("role", s("owner"))]));
    show(render(Lang::En, "lists", &[("lists", s(&join_names(Lang::En, &["کمک‌درمانی", "صحة", "jobs"])))]));
    show(render(Lang::Fa, "lists", &[("lists", s(&join_names(Lang::Fa, &["housing", "jobs", "کار"])))]));
    show(render(Lang::Ar, "post-sent", &[("count", Arg::Num(103)), ("segments", Arg::Num(2))]));
}

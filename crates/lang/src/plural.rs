//! CLDR plural categories for whole numbers, for the `PLURAL()` function of our Fluent files.
//!
//! Fluent chooses plural variants through the `intl_pluralrules` crate, whose Arabic rule (7.0.2)
//! tests `i = 3..10` and `i = 11..99` where CLDR says `n % 100 = 3..10` and `n % 100 = 11..99`: it
//! gives 103 and 120 the `other` form (`103 عضو`, `120 عضو`) instead of `few` (`103 أعضاء`) and
//! `many` (`120 عضواً`). The Arabic file therefore selects on `PLURAL($count)`, computed here from
//! the CLDR rules of every language we serve.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::Lang;

/// The CLDR cardinal plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of a whole
/// number in `lang`.
pub fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        // CLDR ar: zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10; many n % 100 = 11..99.
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        // CLDR fa: one i = 0 or n = 1.
        Lang::Fa => match n {
            0 | 1 => "one",
            _ => "other",
        },
        // CLDR en, ur (i = 1 and v = 0), so, ta, ps (n = 1); Rohingya (not in CLDR) like its
        // neighbour Bengali's whole numbers (one n = 1).
        Lang::En | Lang::Ur | Lang::So | Lang::Ta | Lang::Ps | Lang::Rhg => match n {
            1 => "one",
            _ => "other",
        },
        // CLDR ms, my: no plural forms; Hakha Chin (not in CLDR) does not inflect a noun after a
        // number.
        Lang::Ms | Lang::My | Lang::Cnh => "other",
    }
}

/// The Fluent function `PLURAL($n)`: the CLDR category of `$n` in the bundle's language, as a string
/// that selects the variant of that name. A value that is not a number selects the default variant.
pub(crate) fn fluent_plural(
    lang: Lang,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    move |positional, _named| match positional.first() {
        Some(FluentValue::Number(number)) if number.value.fract() == 0.0 => {
            FluentValue::from(plural_category(lang, number.value as i64))
        }
        _ => FluentValue::Error,
    }
}

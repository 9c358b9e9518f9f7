"""The library's ABI does not depend on KOERS_PORTABLE_INT128 (issue 12 §5): `koers::detail::i128`
is `__int128` or the portable `wide_int` as that macro says, so no function the library compiles
may take or return it in a public header — a consumer built with the other choice would link
against a symbol the library does not have. The 128-bit type stays inside the core's inline code
(built again by every consumer; src/core_*.cpp use it only inside their bodies) and
`detail/int128.hpp` itself; the library's own helpers that take it live in `src/*_detail.hpp`
(e.g. src/cost_model_detail.hpp)."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include" / "koers"
I128 = re.compile(r"\bi128\b|__int128|\bwide_int\b")
# a function declared at the start of a line whose parameters name i128: `Ratio reduced(detail::i128 n, ...)`
DECLARATION = re.compile(r"^\s*(?!(?:return|for|if|while|switch|case|else|throw|delete|new)\b)"
                         r"(?P<head>\w[\w:<>,\s*&]*?)\s+[\w:~]+\s*\([^)]*\bi128\b")
HEADER_ONLY = ("inline", "constexpr", "static constexpr", "friend constexpr", "template", "auto")


def test_i128_only_in_the_header_only_core():
    found = [str(f.relative_to(ROOT)) for f in sorted(INCLUDE.rglob("*.hpp"))
             if I128.search(f.read_text(encoding="utf-8")) and f.parent.name != "core"
             and f.relative_to(INCLUDE).as_posix() != "detail/int128.hpp"]
    assert not found, f"koers::detail::i128 in public headers outside the core: {found}"


def test_core_functions_taking_i128_are_inline():
    loose = []
    for f in sorted((INCLUDE / "core").glob("*.hpp")):
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = DECLARATION.match(line)
            if m and "=" not in m.group("head") and not m.group("head").lstrip().startswith(HEADER_ONLY):
                loose.append(f"{f.relative_to(ROOT)}:{i}: {line.strip()}")
    assert not loose, "non-inline functions taking koers::detail::i128 in core:\n" + "\n".join(loose)


def test_the_check_sees_a_declaration():
    """The pattern of the second test finds what it is for (so that it can fail)."""
    bad = "Ratio reduced(koers::detail::i128 num, koers::detail::i128 den, const std::string& element);"
    good = "inline Ratio exact_ratio(detail::i128 n, detail::i128 d, const std::string& element = \"hours\") {"
    assert DECLARATION.match(bad) and not DECLARATION.match(bad).group("head").startswith(HEADER_ONLY)
    assert DECLARATION.match(good).group("head").startswith(HEADER_ONLY)

#pragma once
/// \file
/// `KOERS_OLD_NAMES_BEGIN` / `KOERS_OLD_NAMES_END`: around the definition of a struct that keeps
/// an old member name for one release as a `[[deprecated]]` member (issue 12 §3, one word for
/// one idea: `SelectionItem::pinned`, `PortfolioScenario::force_items`, ...).
///
/// GCC and Clang report a deprecated data member inside the special member functions and
/// defaulted comparisons they synthesise for its struct (copy, move, destructor, `operator==`),
/// at the struct's own line and in every translation unit that copies the struct, not only
/// where code names the member (llvm/llvm-project#55774; GCC 12 alike). Silencing
/// -Wdeprecated-declarations around the definition removes those; code elsewhere that names an
/// old member (`item.pinned = true`, `{.pinned = true}`) still gets its warning.
///
/// The library reads the old members in one place only (src/budget_old_names.cpp): each public
/// function that takes such a struct folds them into the new ones first.

#if defined(_MSC_VER) && !defined(__clang__)
#define KOERS_OLD_NAMES_BEGIN __pragma(warning(push)) __pragma(warning(disable : 4996))
#define KOERS_OLD_NAMES_END __pragma(warning(pop))
#else
#define KOERS_OLD_NAMES_BEGIN \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define KOERS_OLD_NAMES_END _Pragma("GCC diagnostic pop")
#endif

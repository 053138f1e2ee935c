//! \file
//! \brief A string usable as a template argument, so a symbol's name is part of its type.
#ifndef NABLA_SYMBOLIC_EXPR_FIXED_STRING_HPP
#define NABLA_SYMBOLIC_EXPR_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>

namespace nabla {

//! \brief A compile-time string literal of \p N characters (without the terminator).
//!
//! It is a structural type, so `var<"x">` and `var<"y">` are distinct types.
//! \code
//! static_assert(fixed_string("xy").view() == "xy");
//! \endcode
template <std::size_t N>
struct fixed_string {
    //! The characters, not terminated.
    char chars[N + 1] = {};

    //! Copies a string literal.
    constexpr fixed_string(const char (&literal)[N + 1]) noexcept {
        for (std::size_t i = 0; i != N; ++i)
            chars[i] = literal[i];
    }

    //! The string as a view.
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars, N}; }
};

//! \brief Deduces the length from a string literal, without its terminating null.
template <std::size_t M>
fixed_string(const char (&)[M]) -> fixed_string<M - 1>;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_FIXED_STRING_HPP

//! \file
//! \brief Named scalar symbols and the bindings that give them values.
#ifndef NABLA_SYMBOLIC_EXPR_SYMBOL_HPP
#define NABLA_SYMBOLIC_EXPR_SYMBOL_HPP

#include <nabla/symbolic/expr/fixed_string.hpp>
#include <nabla/symbolic/expr/shape.hpp>

#include <string_view>
#include <utility>

namespace nabla {

//! \brief A value bound to the symbol named \p Name, made by `x = 1.5`.
template <fixed_string Name, class T>
struct binding {
    //! The bound value (a double, a multiprecision number, an xsimd batch, ...).
    T value;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }
};

//! \brief A named scalar symbol; its name is part of its type.
//!
//! Symbols are empty constexpr objects. Assigning a value to one does not change it: it makes
//! a binding that evaluation reads.
//! \code
//! constexpr nabla::var<"x"> x;
//! double v = nabla::eval(x * x, x = 3.0); // 9
//! \endcode
template <fixed_string Name>
struct var {
    //! Every symbol of this kind is a scalar.
    using shape = scalar_shape;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }

    //! Binds \p value to this symbol: `x = 1.5`.
    template <class T>
    constexpr binding<Name, T> operator=(T value) const {
        return {std::move(value)};
    }
};

//! \brief True for the scalar symbols `var<Name>`.
template <class T>
inline constexpr bool is_symbol_v = false;
template <fixed_string Name>
inline constexpr bool is_symbol_v<var<Name>> = true;

//! \brief A type that is a scalar symbol `var<Name>`.
template <class T>
concept symbol = is_symbol_v<std::remove_cvref_t<T>>;

//! \brief True for the bindings `binding<Name, T>`.
template <class T>
inline constexpr bool is_binding_v = false;
template <fixed_string Name, class T>
inline constexpr bool is_binding_v<binding<Name, T>> = true;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_SYMBOL_HPP

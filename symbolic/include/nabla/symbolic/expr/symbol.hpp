//! \file
//! \brief Named symbols and the bindings that give them values: scalar parameters `var`,
//! parameter vectors `vec`, parameter matrices `mat`, and the data symbols `row` (one feature
//! vector per data row) and `col` (one number per data row).
#ifndef NABLA_SYMBOLIC_EXPR_SYMBOL_HPP
#define NABLA_SYMBOLIC_EXPR_SYMBOL_HPP

#include <nabla/symbolic/expr/fixed_string.hpp>
#include <nabla/symbolic/expr/matrix_view.hpp>
#include <nabla/symbolic/expr/shape.hpp>

#include <array>
#include <cstddef>
#include <ranges>
#include <span>
#include <type_traits>

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

//! \brief A parameter vector whose length is set by its binding: `w = std::vector{...}`.
//!
//! The binding views the caller's storage, which must outlive the evaluation.
//! \code
//! constexpr nabla::vec<"w"> w;
//! auto f = nabla::dot(w, w);
//! \endcode
template <fixed_string Name>
struct vec {
    //! A vector.
    using shape = vector_shape;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }

    //! Binds the contiguous range \p values to this symbol (a view, not a copy).
    template <std::ranges::contiguous_range R>
    constexpr auto operator=(R const& values) const {
        using T = std::remove_cvref_t<std::ranges::range_value_t<R>>;
        return binding<Name, std::span<const T>>{std::span<const T>(values)};
    }
};

//! \brief A parameter matrix (a layer's weights), bound to a row-major matrix: `W = W0`.
template <fixed_string Name>
struct mat {
    //! A matrix.
    using shape = matrix_shape;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }

    //! Binds the row-major matrix \p m to this symbol (a view, not a copy).
    template <row_major_matrix M>
    constexpr auto operator=(M const& m) const {
        return binding<Name, decltype(view_of(m))>{view_of(m)};
    }
};

//! \brief A data row: in a sum over a dataset, the feature vector of the current row. Bound to
//! an `n x d` row-major matrix in `nabla::dataset(x = X, ...)`.
template <fixed_string Name>
struct row {
    //! A vector (of length d).
    using shape = vector_shape;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }

    //! Binds the row-major matrix \p m, one data row per matrix row (a view, not a copy).
    template <row_major_matrix M>
    constexpr auto operator=(M const& m) const {
        return binding<Name, decltype(view_of(m))>{view_of(m)};
    }
};

//! \brief A data column: in a sum over a dataset, the number of the current row (a label, a
//! target). Bound to a range of n numbers in `nabla::dataset(y = Y, ...)`.
template <fixed_string Name>
struct col {
    //! A scalar (per row).
    using shape = scalar_shape;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return Name.view(); }

    //! Binds the contiguous range \p values, one number per data row (a view, not a copy).
    template <std::ranges::contiguous_range R>
    constexpr auto operator=(R const& values) const {
        using T = std::remove_cvref_t<std::ranges::range_value_t<R>>;
        return binding<Name, std::span<const T>>{std::span<const T>(values)};
    }
};

//! \brief The direction \f$ v \f$ of a directional derivative along the vector symbol \p S:
//! `hessian_vector` differentiates a gradient along it. Bound like a vector of \p S's length.
template <class S>
struct direction {
    //! The shape of the symbol it is a direction for.
    using shape = typename S::shape;
    //! The direction's name: the symbol's, prefixed.
    static constexpr std::string_view name() noexcept {
        return {name_storage.data(), name_storage.size()};
    }
    //! The symbol this is a direction for.
    using symbol_type = S;

private:
    static constexpr auto name_storage = [] {
        std::array<char, S::name().size() + 2> text{'d', '_'};
        for (std::size_t i = 0; i != S::name().size(); ++i)
            text[i + 2] = S::name()[i];
        return text;
    }();
};

//! \brief What kind of symbol \p T is: 0 not a symbol, then scalar parameter, vector parameter,
//! matrix parameter, data row, data column, direction. Part of a symbol's identity: `var<"x">`
//! and `vec<"x">` are different symbols.
template <class T>
inline constexpr int symbol_kind_v = 0;
//! \brief A scalar parameter.
template <fixed_string Name>
inline constexpr int symbol_kind_v<var<Name>> = 1;
//! \brief A vector parameter.
template <fixed_string Name>
inline constexpr int symbol_kind_v<vec<Name>> = 2;
//! \brief A matrix parameter.
template <fixed_string Name>
inline constexpr int symbol_kind_v<mat<Name>> = 3;
//! \brief A data row.
template <fixed_string Name>
inline constexpr int symbol_kind_v<row<Name>> = 4;
//! \brief A data column.
template <fixed_string Name>
inline constexpr int symbol_kind_v<col<Name>> = 5;
//! \brief A direction.
template <class S>
inline constexpr int symbol_kind_v<direction<S>> = 6;

//! \brief True for every symbol: `var`, `vec`, `mat`, `row`, `col` and directions.
template <class T>
inline constexpr bool is_symbol_v = symbol_kind_v<T> != 0;

//! \brief True for the data symbols `row` and `col`, which take a value per data row.
template <class T>
inline constexpr bool is_data_symbol_v = symbol_kind_v<T> == 4 || symbol_kind_v<T> == 5;

//! \brief A type that is a symbol.
template <class T>
concept symbol = is_symbol_v<std::remove_cvref_t<T>>;

//! \brief True for the bindings `binding<Name, T>`.
template <class T>
inline constexpr bool is_binding_v = false;
//! \brief A binding.
template <fixed_string Name, class T>
inline constexpr bool is_binding_v<binding<Name, T>> = true;

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_SYMBOL_HPP

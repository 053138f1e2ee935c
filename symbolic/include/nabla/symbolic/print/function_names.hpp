//! \file
//! \brief How each function is spelled in each notation.
#ifndef NABLA_SYMBOLIC_PRINT_FUNCTION_NAMES_HPP
#define NABLA_SYMBOLIC_PRINT_FUNCTION_NAMES_HPP

#include <nabla/symbolic/op/exponential.hpp>
#include <nabla/symbolic/op/linear_algebra.hpp>
#include <nabla/symbolic/op/logistic.hpp>
#include <nabla/symbolic/op/piecewise.hpp>
#include <nabla/symbolic/op/trigonometric.hpp>
#include <nabla/symbolic/print/style.hpp>

#include <string>

namespace nabla::detail::print {

//! The LaTeX command for an operation (empty: `\operatorname{name}`).
template <class Op>
inline constexpr std::string_view latex_name = "";
template <>
inline constexpr std::string_view latex_name<log_op> = "\\log";
template <>
inline constexpr std::string_view latex_name<sin_op> = "\\sin";
template <>
inline constexpr std::string_view latex_name<cos_op> = "\\cos";
template <>
inline constexpr std::string_view latex_name<tan_op> = "\\tan";
template <>
inline constexpr std::string_view latex_name<atan_op> = "\\arctan";
template <>
inline constexpr std::string_view latex_name<tanh_op> = "\\tanh";
template <>
inline constexpr std::string_view latex_name<sigmoid_op> = "\\sigma";
template <>
inline constexpr std::string_view latex_name<heaviside_op> = "H";
template <>
inline constexpr std::string_view latex_name<sign_op> = "\\operatorname{sgn}";
template <>
inline constexpr std::string_view latex_name<min_op> = "\\min";
template <>
inline constexpr std::string_view latex_name<max_op> = "\\max";

//! True for operations the C++ standard library provides as `std::name`.
template <class Op>
inline constexpr bool in_std = false;
template <>
inline constexpr bool in_std<exp_op> = true;
template <>
inline constexpr bool in_std<expm1_op> = true;
template <>
inline constexpr bool in_std<log_op> = true;
template <>
inline constexpr bool in_std<log1p_op> = true;
template <>
inline constexpr bool in_std<sin_op> = true;
template <>
inline constexpr bool in_std<cos_op> = true;
template <>
inline constexpr bool in_std<tan_op> = true;
template <>
inline constexpr bool in_std<atan_op> = true;
template <>
inline constexpr bool in_std<tanh_op> = true;
template <>
inline constexpr bool in_std<abs_op> = true;
template <>
inline constexpr bool in_std<min_op> = true;
template <>
inline constexpr bool in_std<max_op> = true;

//! A call `name(args)` in notation \p n.
template <class Op>
piece function_call_piece(std::string const& args, notation n) {
    const std::string name(Op::name);
    switch (n) {
    case notation::infix:
        return {name + "(" + args + ")", atom};
    case notation::cpp:
        return {(in_std<Op> ? "std::" : "nabla::scalar::") + name + "(" + args + ")", atom};
    case notation::latex:
        break;
    }
    const std::string command =
        latex_name<Op>.empty() ? "\\operatorname{" + name + "}" : std::string(latex_name<Op>);
    return {command + "\\left(" + args + "\\right)", atom};
}

//! \f$ f(u) \f$ for a unary operation: \f$ e^{u} \f$, \f$ |u| \f$ and the reductions get
//! their own forms in LaTeX.
template <class Op>
piece function_piece(piece const& arg, notation n) {
    if (n == notation::latex && std::is_same_v<Op, exp_op>)
        return {"e^{" + operand(arg, sum, n) + "}", power};
    if (n == notation::latex && std::is_same_v<Op, abs_op>)
        return {"\\left|" + operand(arg, sum, n) + "\\right|", atom};
    if (n == notation::latex && std::is_same_v<Op, mean_op>)
        return {"\\frac{1}{n} \\sum_{i} " + operand(arg, product, n), product};
    if (n == notation::latex && std::is_same_v<Op, sum_rows_op>)
        return {"\\sum_{i} " + operand(arg, product, n), product};
    if (n == notation::latex && std::is_same_v<Op, sum_op>)
        return {"\\mathbf{1}^\\top " + operand(arg, product, n), product};
    if (n == notation::latex && is_fill_v<Op>)
        return {"\\mathbf{1}\\, " + operand(arg, product, n), product};
    return function_call_piece<Op>(operand(arg, sum, n), n);
}

//! True for the binary linear-algebra operations, which LaTeX writes as products.
template <class Op>
inline constexpr bool is_linear_map_v =
    std::is_same_v<Op, dot_op> || std::is_same_v<Op, matvec_op> ||
    std::is_same_v<Op, transposed_matvec_op> || std::is_same_v<Op, outer_op>;

//! \f$ a^\top b \f$, \f$ W x \f$, \f$ W^\top s \f$ and \f$ a b^\top \f$ in LaTeX.
template <class Op>
piece linear_map_piece(piece const& a, piece const& b, notation n) {
    const std::string left = operand(a, atom, n), right = operand(b, product, n);
    if constexpr (std::is_same_v<Op, dot_op>) {
        return {"\\left\\langle " + operand(a, sum, n) + ", " + operand(b, sum, n) +
                    " \\right\\rangle",
                atom};
    } else if constexpr (std::is_same_v<Op, matvec_op>) {
        return {left + " " + right, product};
    } else if constexpr (std::is_same_v<Op, transposed_matvec_op>) {
        return {left + "^\\top " + right, product};
    } else {
        return {left + " " + operand(b, atom, n) + "^\\top", product};
    }
}

} // namespace nabla::detail::print

#endif // NABLA_SYMBOLIC_PRINT_FUNCTION_NAMES_HPP

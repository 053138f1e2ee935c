//! \file
//! \brief `to_string`, `to_latex`, `to_cpp`: one printer over the expression tree, three
//! notations, minimal parentheses, numeric factors folded, \f$ a + (-1) b \f$ shown as
//! \f$ a - b \f$ and negative powers as fractions.
#ifndef NABLA_SYMBOLIC_PRINT_PRINTER_HPP
#define NABLA_SYMBOLIC_PRINT_PRINTER_HPP

#include <nabla/symbolic/eval/constant_value.hpp>
#include <nabla/symbolic/expr/collection.hpp>
#include <nabla/symbolic/expr/kinds.hpp>
#include <nabla/symbolic/print/function_names.hpp>
#include <nabla/symbolic/print/style.hpp>

#include <boost/hana/for_each.hpp>

#include <string>
#include <vector>

namespace nabla {

namespace detail::print {

template <class E>
piece render(E const& e, notation n);

inline std::string join(std::vector<std::string> const& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i != parts.size(); ++i) {
        if (i != 0)
            out += sep;
        out += parts[i];
    }
    return out;
}

inline piece rational_piece(std::intmax_t num, std::intmax_t den, notation n) {
    const bool negative = num < 0;
    const std::intmax_t a = negative ? -num : num;
    if (den == 1)
        return {format_integer(a, n), atom, negative};
    if (n == notation::latex)
        return {"\\frac{" + std::to_string(a) + "}{" + std::to_string(den) + "}", atom, negative};
    return {format_integer(a, n) + " / " + format_integer(den, n), product, negative};
}

//! \f$ b^{p/q} \f$ for \f$ p > 0 \f$.
inline piece power_piece(piece const& base, std::intmax_t p, std::intmax_t q, notation n) {
    if (q == 2 && p == 1) {
        if (n == notation::latex)
            return {"\\sqrt{" + operand(base, sum, n) + "}", atom};
        return {(n == notation::cpp ? "std::sqrt(" : "sqrt(") + operand(base, sum, n) + ")", atom};
    }
    if (q == 3 && p == 1) {
        if (n == notation::latex)
            return {"\\sqrt[3]{" + operand(base, sum, n) + "}", atom};
        return {(n == notation::cpp ? "std::cbrt(" : "cbrt(") + operand(base, sum, n) + ")", atom};
    }
    if (n == notation::cpp) {
        const std::string e =
            q == 1 ? std::to_string(p) : format_integer(p, n) + " / " + std::to_string(q);
        return {"std::pow(" + operand(base, sum, n) + ", " + e + ")", atom};
    }
    const std::string b = operand(base, atom, n);
    if (n == notation::latex) {
        const std::string e = q == 1
                                  ? std::to_string(p)
                                  : "\\frac{" + std::to_string(p) + "}{" + std::to_string(q) + "}";
        return {b + "^{" + e + "}", power};
    }
    const std::string e =
        q == 1 ? std::to_string(p) : "(" + std::to_string(p) + "/" + std::to_string(q) + ")";
    return {b + "^" + e, power};
}

//! A product assembled from a numeric coefficient, numerator and denominator factors.
struct product_parts {
    bool exact = true; // the coefficient is an exact rational
    std::intmax_t num = 1, den = 1;
    double runtime = 1.0; // product of runtime constants
    std::vector<piece> top, bottom;
};

template <class F>
void collect_factor(F const& f, product_parts& parts, notation n) {
    if constexpr (is_rational_v<F>) {
        parts.num *= F::num;
        parts.den *= F::den;
    } else if constexpr (is_runtime_constant_v<F>) {
        parts.exact = false;
        parts.runtime *= f.value;
    } else if constexpr (has_rational_exponent_v<F>) {
        using E = decltype(F::rhs);
        if constexpr (E::num < 0) {
            const piece base = render(f.lhs, n);
            parts.bottom.push_back(
                -E::num == 1 && E::den == 1 ? base : power_piece(base, -E::num, E::den, n));
        } else {
            parts.top.push_back(render(f, n));
        }
    } else {
        parts.top.push_back(render(f, n));
    }
}

template <class E>
void collect_product(E const& e, product_parts& parts, notation n) {
    if constexpr (is_product_v<E>) {
        collect_factor(e.lhs, parts, n);
        collect_product(e.rhs, parts, n);
    } else {
        collect_factor(e, parts, n);
    }
}

inline piece assemble_product(product_parts const& parts, notation n) {
    const std::string_view times = n == notation::latex ? " " : " * ";
    bool negative = false;
    std::vector<std::string> top, bottom;
    if (!parts.exact) {
        const double c =
            parts.runtime * static_cast<double>(parts.num) / static_cast<double>(parts.den);
        negative = c < 0;
        const double a = negative ? -c : c;
        if (a != 1.0 || parts.top.empty())
            top.push_back(format_double(a, n));
    } else {
        negative = parts.num < 0;
        const std::intmax_t a = negative ? -parts.num : parts.num;
        if (a != 1 || parts.top.empty())
            top.push_back(format_integer(a, n));
        if (parts.den != 1)
            bottom.push_back(format_integer(parts.den, n));
    }
    for (auto const& f : parts.top)
        top.push_back(operand(f, n == notation::latex ? power : power, n));
    if (top.size() > 1 && top.front() == (n == notation::cpp ? "1.0" : "1"))
        top.erase(top.begin());
    for (auto const& f : parts.bottom)
        bottom.push_back(operand(f, power, n));
    const std::string numerator = join(top, times);
    if (bottom.empty()) {
        const bool single = parts.top.size() == 1 && top.size() == 1;
        return {numerator, single ? parts.top.front().prec : product, negative};
    }
    if (n == notation::latex) {
        // The braces of \frac group a lone factor already: no parentheses around it.
        const bool lone_top = top.size() == 1 && parts.top.size() == 1;
        const bool lone_bottom = bottom.size() == 1 && parts.bottom.size() == 1;
        return {"\\frac{" + (lone_top ? operand(parts.top.front(), sum, n) : numerator) + "}{" +
                    (lone_bottom ? operand(parts.bottom.front(), sum, n) : join(bottom, " ")) + "}",
                atom, negative};
    }
    std::string denominator = join(bottom, " * ");
    if (bottom.size() > 1)
        denominator = "(" + denominator + ")";
    return {(top.size() > 1 ? numerator : numerator) + " / " + denominator, product, negative};
}

template <class E>
void collect_terms(E const& e, std::vector<piece>& terms, notation n) {
    if constexpr (is_sum_v<E>) {
        collect_terms(e.lhs, terms, n);
        collect_terms(e.rhs, terms, n);
    } else {
        terms.push_back(render(e, n));
    }
}

template <class E>
piece render(E const& e, notation n) {
    if constexpr (is_rational_v<E>) {
        return rational_piece(E::num, E::den, n);
    } else if constexpr (is_runtime_constant_v<E>) {
        return {format_double(e.value < 0 ? -e.value : e.value, n), atom, e.value < 0};
    } else if constexpr (is_symbol_v<E>) {
        return {std::string(E::name()), atom};
    } else if constexpr (is_constant_expr_v<E>) {
        const double v = constant_value_of(e); // fold what no binding can change
        return {format_double(v < 0 ? -v : v, n), atom, v < 0};
    } else if constexpr (is_sum_v<E>) {
        std::vector<piece> terms;
        collect_terms(e, terms, n);
        std::string out = operand(terms.front(), sum, n);
        for (std::size_t i = 1; i != terms.size(); ++i)
            out += (terms[i].negative ? " - " : " + ") +
                   operand({terms[i].text, terms[i].prec}, product, n);
        return {out, sum};
    } else if constexpr (is_product_v<E> || is_power_v<E>) {
        if constexpr (is_product_v<E>) {
            product_parts parts;
            collect_product(e, parts, n);
            return assemble_product(parts, n);
        } else if constexpr (is_rational_v<decltype(E::rhs)>) {
            using X = decltype(E::rhs);
            if constexpr (X::num < 0) {
                product_parts parts;
                collect_factor(e, parts, n);
                return assemble_product(parts, n);
            } else {
                return power_piece(render(e.lhs, n), X::num, X::den, n);
            }
        } else if constexpr (is_constant_expr_v<decltype(E::rhs)>) {
            const double p = constant_value_of(e.rhs);
            const piece base = render(e.lhs, n);
            if (p == 1.0)
                return base;
            if (p > 0 && p == static_cast<double>(static_cast<std::intmax_t>(p)) && p < 1e15)
                return power_piece(base, static_cast<std::intmax_t>(p), 1, n);
            const piece exponent{format_double(p < 0 ? -p : p, n), atom, p < 0};
            if (n == notation::cpp)
                return {"std::pow(" + operand(base, sum, n) + ", " + operand(exponent, sum, n) +
                            ")",
                        atom};
            if (n == notation::latex)
                return {operand(base, atom, n) + "^{" + operand(exponent, sum, n) + "}", power};
            return {operand(base, atom, n) + "^" + operand(exponent, atom, n), power};
        } else {
            const piece base = render(e.lhs, n), exponent = render(e.rhs, n);
            if (n == notation::cpp)
                return {"std::pow(" + operand(base, sum, n) + ", " + operand(exponent, sum, n) +
                            ")",
                        atom};
            if (n == notation::latex)
                return {operand(base, atom, n) + "^{" + operand(exponent, sum, n) + "}", power};
            return {operand(base, atom, n) + "^" + operand(exponent, atom, n), power};
        }
    } else if constexpr (requires { E::arg; }) {
        return function_piece<typename E::op_type>(render(e.arg, n), n);
    } else if constexpr (is_linear_map_v<typename E::op_type>) {
        if (n == notation::latex)
            return linear_map_piece<typename E::op_type>(render(e.lhs, n), render(e.rhs, n), n);
        const std::string args =
            operand(render(e.lhs, n), sum, n) + ", " + operand(render(e.rhs, n), sum, n);
        return function_call_piece<typename E::op_type>(args, n);
    } else {
        const std::string args =
            operand(render(e.lhs, n), sum, n) + ", " + operand(render(e.rhs, n), sum, n);
        return function_call_piece<typename E::op_type>(args, n);
    }
}

} // namespace detail::print

//! \brief \p e in infix notation: `-2 * (1 - x) - 400 * x * (y - x^2)`.
template <expression E>
std::string to_string(E const& e) {
    return detail::print::operand(detail::print::render(e, notation::infix), detail::print::sum,
                                  notation::infix);
}

//! \brief \p e in LaTeX, for MathJax or a paper: `\frac{1}{2} \sqrt{x}` style.
template <expression E>
std::string to_latex(E const& e) {
    return detail::print::operand(detail::print::render(e, notation::latex), detail::print::sum,
                                  notation::latex);
}

//! \brief \p e as a C++ expression over doubles named like its symbols.
template <expression E>
std::string to_cpp(E const& e) {
    return detail::print::operand(detail::print::render(e, notation::cpp), detail::print::sum,
                                  notation::cpp);
}

//! \brief The elements of a gradient, each printed in \p n, in order.
template <class... Es>
std::vector<std::string> to_strings(expression_vector<Es...> const& v,
                                    notation n = notation::infix) {
    std::vector<std::string> out;
    boost::hana::for_each(v.elements, [&](auto const& e) {
        out.push_back(detail::print::operand(detail::print::render(e, n), detail::print::sum, n));
    });
    return out;
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_PRINT_PRINTER_HPP

//! \file
//! \brief The three notations the printers write: infix text, LaTeX and C++ source.
#ifndef NABLA_SYMBOLIC_PRINT_STYLE_HPP
#define NABLA_SYMBOLIC_PRINT_STYLE_HPP

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace nabla {

//! \brief A notation for printing expressions.
enum class notation {
    infix, //!< `2 * x * exp(y) / (1 + x^2)`
    latex, //!< `\frac{2 x e^{y}}{1 + x^{2}}`
    cpp    //!< `2.0 * x * std::exp(y) / (1.0 + std::pow(x, 2))`
};

namespace detail::print {

//! Binding strength of a printed piece: what decides parentheses.
enum precedence : int { sum = 1, product = 2, power = 3, atom = 4 };

//! A printed subexpression: its text without a leading minus, whether it is negated, and how
//! strongly it binds.
struct piece {
    std::string text;
    int prec = atom;
    bool negative = false;
};

inline std::string format_double(double v, notation n) {
    if (std::isnan(v))
        return n == notation::cpp ? "std::numeric_limits<double>::quiet_NaN()" : "NaN";
    if (std::isinf(v)) {
        if (n == notation::latex)
            return "\\infty";
        return n == notation::cpp ? "std::numeric_limits<double>::infinity()" : "inf";
    }
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string s(buffer, result.ptr);
    if (n == notation::cpp && s.find_first_of(".e") == std::string::npos)
        s += ".0";
    if (n == notation::latex) {
        if (auto e = s.find('e'); e != std::string::npos) {
            std::string exponent = s.substr(e + 1);
            if (!exponent.empty() && exponent[0] == '+')
                exponent.erase(0, 1);
            s = s.substr(0, e) + " \\cdot 10^{" + exponent + "}";
        }
    }
    return s;
}

inline std::string format_integer(std::intmax_t v, notation n) {
    std::string s = std::to_string(v);
    if (n == notation::cpp)
        s += ".0";
    return s;
}

inline std::string parenthesize(std::string const& text, notation n) {
    return n == notation::latex ? "\\left(" + text + "\\right)" : "(" + text + ")";
}

//! The piece's text as an operand of something that binds with strength \p min.
inline std::string operand(piece const& p, int min, notation n) {
    if (!p.negative)
        return p.prec < min ? parenthesize(p.text, n) : p.text;
    const std::string negated = "-" + (p.prec < product ? parenthesize(p.text, n) : p.text);
    return min > product ? parenthesize(negated, n) : negated;
}

} // namespace detail::print
} // namespace nabla

#endif // NABLA_SYMBOLIC_PRINT_STYLE_HPP

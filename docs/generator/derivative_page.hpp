//! \file
//! \brief Writes one generated derivative page (Doxygen Markdown): a function, its gradient and
//! Hessian as LaTeX, the Hessian's structural sparsity, node counts and the generated C++, all
//! produced by nabla's own printers and type-level counts at build time.
#ifndef NABLA_DOCS_GENERATOR_DERIVATIVE_PAGE_HPP
#define NABLA_DOCS_GENERATOR_DERIVATIVE_PAGE_HPP

#include "registry.hpp"
#include "textbook.hpp"

#include <nabla/nabla.hpp>
#include <nabla/symbolic/eval/plan.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nabla::docs {

//! \brief Formulas longer than this many characters of LaTeX are described, not typeset:
//! MathJax would take seconds per formula and nobody reads a page-wide sum of 99 exponentials.
inline constexpr std::size_t max_latex_chars = 2500;
//! \brief The generated C++ is shown up to this many characters (the whole text is counted).
inline constexpr std::size_t max_cpp_chars = 12000;

//! \brief What a page says about where its function comes from.
struct page_meta {
    std::string slug;    //!< Doxygen page label suffix and file name: `derivatives_<slug>`.
    std::string title;   //!< The page title.
    std::string source;  //!< The C++ expression the function was taken from.
    std::string summary; //!< Facts in Markdown (dimension, start, known minimum, ...).
};

namespace detail {

//! \brief Node counts of \p F and its derivatives with respect to \p Vs, computed from types.
template <class F, class... Vs>
struct counts {
    //! The number of variables.
    static constexpr std::size_t n = sizeof...(Vs);
    using list = nabla::detail::type_list<Vs...>;
    template <std::size_t I>
    using var = nabla::detail::type_at_t<I, list>;
    using G = decltype(gradient(std::declval<F const&>(), wrt_t<Vs...>{}));
    using H = decltype(hessian(std::declval<F const&>(), wrt_t<Vs...>{}));
    using g_list = nabla::detail::elements_of_t<G>;
    using h_list = nabla::detail::elements_of_t<H>;

    template <class... Es>
    static constexpr std::size_t sum_sizes(nabla::detail::type_list<Es...>) {
        return (std::size_t{0} + ... + tree_size_v<Es>);
    }
    template <class... Es>
    static constexpr std::size_t plan_size(nabla::detail::type_list<Es...>) {
        return nabla::detail::plan_t<Es...>::size;
    }
    template <std::size_t I, std::size_t... J>
    static constexpr std::size_t textbook_row(std::index_sequence<J...>) {
        using gi = textbook::diff_t<var<I>, F>;
        return (std::size_t{0} + ... + tree_size_v<textbook::diff_t<var<I + J>, gi>>);
    }
    template <std::size_t... I>
    static constexpr std::size_t textbook_rows(std::index_sequence<I...>) {
        return (std::size_t{0} + ... + textbook_row<I>(std::make_index_sequence<n - I>{}));
    }

    //! Tree size of f.
    static constexpr std::size_t function = tree_size_v<F>;
    //! Tree size of the textbook gradient.
    static constexpr std::size_t textbook_gradient =
        (std::size_t{0} + ... + tree_size_v<textbook::diff_t<Vs, F>>);
    //! Tree size of the textbook Hessian's upper triangle.
    static constexpr std::size_t textbook_hessian = textbook_rows(std::make_index_sequence<n>{});
    //! Tree size of nabla's gradient.
    static constexpr std::size_t gradient_nodes = sum_sizes(g_list{});
    //! Tree size of nabla's Hessian's upper triangle.
    static constexpr std::size_t hessian_nodes = sum_sizes(h_list{});
    //! Distinct nodes of value and gradient after CSE.
    static constexpr std::size_t plan_gradient =
        plan_size(nabla::detail::concat_t<nabla::detail::type_list<F>, g_list>{});
    //! Distinct nodes of value, gradient and Hessian after CSE.
    static constexpr std::size_t plan_all =
        plan_size(nabla::detail::concat_t<nabla::detail::type_list<F>, g_list, h_list>{});
};

//! A display formula, or a sentence saying why it is not typeset.
inline void formula(std::ostream& os, std::string const& lhs, std::string const& tex,
                    std::size_t nodes) {
    if (tex.size() > max_latex_chars) {
        os << "\\f$ " << lhs << " \\f$: " << nodes << " nodes, " << tex.size()
           << " characters of LaTeX; too long to typeset (see the C++ below).\n\n";
        return;
    }
    os << "\\f[ " << lhs << " = " << tex << " \\f]\n\n";
}

inline std::string partial(std::string const& v) {
    return "\\frac{\\partial f}{\\partial " + v + "}";
}

inline std::string second_partial(std::string const& a, std::string const& b) {
    if (a == b)
        return "\\frac{\\partial^2 f}{\\partial " + a + "^2}";
    return "\\frac{\\partial^2 f}{\\partial " + a + " \\, \\partial " + b + "}";
}

//! The shortest decimal that reads back as \p v.
inline std::string number(double v) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

//! A C++ identifier for a symbol (names are identifiers already; kept separate for clarity).
inline std::string cpp_name(std::string_view name) {
    return std::string(name);
}

} // namespace detail

//! \brief Writes the derivative page of \p f with respect to \p w to \p os.
template <class F, class... Vs>
void write_derivative_page(std::ostream& os, page_meta const& meta, F const& f, wrt_t<Vs...> w) {
    constexpr std::size_t n = sizeof...(Vs);
    using counts = detail::counts<F, Vs...>;
    const auto g = gradient(f, w);
    const auto h = hessian(f, w);
    using H = std::remove_cvref_t<decltype(h)>;
    const std::array<std::string, n> tex_names{to_latex(Vs{})...};
    const std::array<std::string_view, n> names{Vs::name()...};

    os << "# " << meta.title << " {#derivatives_" << meta.slug << "}\n\n"
       << "Generated at build time by `docs/generator` from `" << meta.source
       << "`; every formula below is printed by nabla itself (`nabla::to_latex`, "
          "`nabla::to_cpp`). Back to \\ref derivatives.\n\n"
       << meta.summary << "\n\n";

    os << "## Function\n\n";
    detail::formula(os, "f", to_latex(f), counts::function);

    os << "## Gradient\n\n";
    {
        const std::vector<std::string> entries = to_strings(g, notation::latex);
        for (std::size_t i = 0; i != n; ++i) {
            detail::formula(os, detail::partial(tex_names[i]), entries[i], 0);
        }
    }

    os << "## Hessian\n\nThe upper triangle, derived once from the gradient; entries that "
          "simplify to the exact 0 are structural zeros, known at compile time and skipped by "
          "evaluation.\n\n";
    {
        std::vector<std::string> upper;
        std::vector<std::size_t> sizes;
        boost::hana::for_each(h.upper, [&](auto const& e) {
            upper.push_back(to_latex(e));
            sizes.push_back(tree_size_v<std::remove_cvref_t<decltype(e)>>);
        });
        for (std::size_t i = 0; i != n; ++i)
            for (std::size_t j = i; j != n; ++j) {
                if (H::is_structural_zero(i, j))
                    continue;
                const std::size_t k = H::upper_index(i, j);
                detail::formula(os, detail::second_partial(tex_names[i], tex_names[j]), upper[k],
                                sizes[k]);
            }
    }

    os << "## Sparsity of the Hessian\n\n"
       << H::nonzeros << " of the " << n * (n + 1) / 2
       << " entries of the upper triangle are structurally nonzero (●); "
          "· marks a structural zero.\n\n|   |";
    for (std::size_t j = 0; j != n; ++j)
        os << " \\f$" << tex_names[j] << "\\f$ |";
    os << "\n|---|";
    for (std::size_t j = 0; j != n; ++j)
        os << ":-:|";
    os << "\n";
    for (std::size_t i = 0; i != n; ++i) {
        os << "| \\f$" << tex_names[i] << "\\f$ |";
        for (std::size_t j = 0; j != n; ++j)
            os << (H::is_structural_zero(i, j) ? " · |" : " ● |");
        os << "\n";
    }

    os << "\n## Node counts\n\n"
          "Tree sizes count a repeated subtree each time it occurs; \"textbook\" applies the "
          "chain, product and power rules literally with no simplification; the plan counts the "
          "distinct nodes nabla evaluates once each after common-subexpression elimination "
          "(constants excluded).\n\n"
          "| | textbook | nabla (simplified) | evaluation plan (CSE) |\n"
          "|---|--:|--:|--:|\n"
       << "| \\f$ f \\f$ | " << counts::function << " | " << counts::function << " | |\n"
       << "| gradient | " << counts::textbook_gradient << " | " << counts::gradient_nodes << " | "
       << counts::plan_gradient << " (with \\f$ f \\f$) |\n"
       << "| Hessian (upper triangle) | " << counts::textbook_hessian << " | "
       << counts::hessian_nodes << " | " << counts::plan_all
       << " (with \\f$ f \\f$ and gradient) |\n\n";

    os << "## Generated C++\n\n"
          "What `nabla::to_cpp` prints for each output (a straight transcription of the simplified "
          "trees; the evaluator itself shares common subexpressions through its plan).\n\n";
    std::string code = "void f_gradient_hessian(";
    for (std::size_t i = 0; i != n; ++i)
        code += "double " + detail::cpp_name(names[i]) + ", ";
    code += "double& f, double* g, double* h) {\n    f = " + to_cpp(f) + ";\n";
    {
        const std::vector<std::string> entries = to_strings(g, notation::cpp);
        for (std::size_t i = 0; i != n; ++i)
            code += "    g[" + std::to_string(i) + "] = " + entries[i] + ";\n";
    }
    code += "    // h: the upper triangle, row by row; structural zeros are not stored.\n";
    {
        std::size_t k = 0, stored = 0;
        boost::hana::for_each(h.upper, [&](auto const& e) {
            if (!H::structural_zeros[k])
                code += "    h[" + std::to_string(stored++) + "] = " + to_cpp(e) + ";\n";
            ++k;
        });
    }
    code += "}\n";
    os << "```cpp\n";
    if (code.size() > max_cpp_chars) {
        const std::size_t cut = code.rfind('\n', max_cpp_chars);
        os << code.substr(0, cut + 1) << "    // ... " << code.size() - cut - 1
           << " more characters not shown\n";
    } else {
        os << code;
    }
    os << "```\n";
}

//! \brief The page of a Moré–Garbow–Hillstrom test problem (`nabla::problems::problem`).
template <class F, std::size_t N>
void write_page(std::ostream& os, std::string const& slug, std::string const& source,
                problems::problem<F, N> const& p) {
    std::string start;
    for (std::size_t i = 0; i != N; ++i)
        start += (i ? ", " : "") + detail::number(p.start[i]);
    page_meta meta{slug, "MGH " + std::to_string(p.number) + ": " + std::string(p.name), source,
                   "Moré–Garbow–Hillstrom problem " + std::to_string(p.number) +
                       ": \\f$ n = " + std::to_string(N) +
                       " \\f$ variables, \\f$ m = " + std::to_string(p.residuals) +
                       " \\f$ residuals, \\f$ f(x) = \\sum_{i=1}^m r_i(x)^2 \\f$. Standard start "
                       "\\f$ x_0 = (" +
                       start + ") \\f$; reported minimum \\f$ f^* = " + detail::number(p.f_min) +
                       " \\f$."};
    write_derivative_page(os, meta, p.f, p.variables());
}

} // namespace nabla::docs

#endif // NABLA_DOCS_GENERATOR_DERIVATIVE_PAGE_HPP

//! \file
//! \brief Writes the generated page of a loss over a dataset (the model zoo): the loss, its
//! gradient with respect to each parameter symbol and its Hessian-vector products as LaTeX,
//! tree sizes, the distinct nodes the data evaluator computes, and what runs per data row; all
//! produced at build time by nabla's printers and by the data evaluator's own compile-time
//! analysis (`data/program.hpp`).
#ifndef NABLA_DOCS_GENERATOR_MODEL_PAGE_HPP
#define NABLA_DOCS_GENERATOR_MODEL_PAGE_HPP

#include "registry.hpp"

#include <nabla/data.hpp>
#include <nabla/symbolic/data/program.hpp>

#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace nabla::docs {

//! \brief The symbols the model-zoo pages are written in, and the description of one page.
namespace zoo {

inline constexpr vec<"w"> w; //!< Weight vector.
inline constexpr var<"b"> b; //!< Bias (of a linear model, or of a network's output).
inline constexpr mat<"W"> W; //!< Weight matrix (classes or hidden units by features).
inline constexpr vec<"c"> c; //!< Bias vector (per class, or per hidden unit).
inline constexpr vec<"v"> v; //!< Output weights of a network.
inline constexpr row<"x"> x; //!< A data row: the features.
inline constexpr col<"y"> y; //!< A data column: the label or target.
inline constexpr row<"t"> t; //!< A data row: a one-hot label.

//! \brief A loss over a dataset, the parameters it is differentiated with respect to, and the
//! page title.
template <class F, class... Ps>
struct loss_page {
    std::string title;   //!< The page title.
    F loss;              //!< The loss.
    std::string intro{}; //!< What the page is about, in a paragraph (may be empty).
};

//! \brief The page of \p loss with respect to the parameters of \p w, titled \p title.
template <expression F, class... Ps>
loss_page<F, Ps...> page(std::string title, F const& loss, wrt_t<Ps...> /*w*/,
                         std::string intro = {}) {
    return {std::move(title), loss, std::move(intro)};
}

} // namespace zoo

//! \brief The page of a Moré–Garbow–Hillstrom problem that sums over the rows of its data points
//! (`nabla::problems::problem` with `over_data`): its loss, gradient and Hessian.
template <class P>
requires P::over_data auto problem_page(P const& p) {
    std::ostringstream intro;
    intro << "Moré–Garbow–Hillstrom problem " << p.number << ": \\f$ n = " << P::dimension
          << " \\f$ variables, \\f$ m = " << p.residuals
          << " \\f$ residuals, \\f$ f(x) = \\sum_{i=1}^m r_i(x)^2 \\f$. The residuals that differ "
             "only in their data points are one expression summed over the rows of a dataset "
             "that holds the points (`nabla::sum_rows`), so the derivatives below stay one "
             "expression whatever m is. Standard start \\f$ x_0 = (";
    for (std::size_t i = 0; i != P::dimension; ++i)
        intro << (i ? ", " : "") << p.start[i];
    intro << ") \\f$; reported minimum \\f$ f^* = " << p.f_min << " \\f$.";
    return zoo::page("MGH " + std::to_string(p.number) + ": " + std::string(p.name), p.f,
                     p.variables(), intro.str());
}

namespace detail {

//! \brief The subexpression of type \p N inside \p e (by structure), or null.
template <class N, class E>
constexpr N const* find_node(E const& e) {
    if constexpr (std::is_same_v<E, N>) {
        return &e;
    } else if constexpr (requires { e.arg; }) {
        return find_node<N>(e.arg);
    } else if constexpr (requires {
                             e.lhs;
                             e.rhs;
                         }) {
        if (N const* found = find_node<N>(e.lhs))
            return found;
        return find_node<N>(e.rhs);
    } else {
        return nullptr;
    }
}

//! \brief The subexpression of type \p N in the first of \p es that holds it.
template <class N, class... Es>
N const* find_in(Es const&... es) {
    N const* found = nullptr;
    ((found = found ? found : find_node<N>(es)), ...);
    return found;
}

//! \brief How the data evaluator splits the program of the outputs \p Es into phases
//! (`nabla::detail::phase_of`, `nabla::detail::is_lazy`), counted from the program's nodes.
template <class... Es>
struct program_shape {
    //! The data evaluator's program of the outputs.
    using program = nabla::detail::data_program<Es...>;
    //! Distinct nodes computed (constants excluded).
    static constexpr std::size_t size = program::size;

    template <class... Ns, class P>
    static constexpr std::size_t count(nabla::detail::type_list<Ns...>, P p) {
        return (std::size_t{0} + ... + (p.template operator()<Ns>() ? 1 : 0));
    }
    template <class P>
    static constexpr std::size_t count(P p) {
        return count(typename program::nodes{}, p);
    }
    template <class N>
    static constexpr bool in(nabla::detail::phase p) {
        return !is_symbol_v<N> && nabla::detail::phase_of<N>() == p;
    }

    //! Operations on parameters only, computed once before the row loop.
    static constexpr std::size_t once_before =
        count([]<class N>() { return in<N>(nabla::detail::phase::parameters); });
    //! Scalar operations per row (one value per row, rows in SIMD lanes).
    static constexpr std::size_t row_scalars =
        count([]<class N>() { return in<N>(nabla::detail::phase::per_row) && is_scalar_v<N>; });
    //! Vector or matrix operations per row stored in a buffer (they cost something).
    static constexpr std::size_t row_buffers = count([]<class N>() {
        return in<N>(nabla::detail::phase::per_row) && !is_scalar_v<N> &&
               !nabla::detail::is_lazy<N>();
    });
    //! Vector or matrix operations per row fused into the loop that consumes them.
    static constexpr std::size_t row_fused = count([]<class N>() {
        return in<N>(nabla::detail::phase::per_row) && !is_scalar_v<N> &&
               nabla::detail::is_lazy<N>();
    });
    //! Reductions over the rows (accumulators of the row loop).
    static constexpr std::size_t reductions =
        count([]<class N>() { return in<N>(nabla::detail::phase::reduction); });
    //! Operations after the row loop (on reductions).
    static constexpr std::size_t once_after =
        count([]<class N>() { return in<N>(nabla::detail::phase::after); });
};

//! \brief A list item per reduction node of the program of \p outs: the mean (or sum) the row
//! loop accumulates, as LaTeX.
template <class... Ns, class... Es>
void list_reductions(std::ostream& os, nabla::detail::type_list<Ns...>, Es const&... outs) {
    const auto item = [&]<class N>(N const* node) {
        if constexpr (nabla::detail::phase_of<N>() == nabla::detail::phase::reduction) {
            if (node != nullptr)
                os << "- \\f$ " << to_latex(*node) << " \\f$ ("
                   << (is_scalar_v<N>   ? "scalar"
                       : is_vector_v<N> ? "vector"
                                        : "matrix")
                   << ")\n";
        }
    };
    (item(find_in<Ns>(outs...)), ...);
}

//! \brief What the kind of symbol \p S means on a page.
template <class S>
constexpr std::string_view symbol_role() {
    switch (symbol_kind_v<S>) {
    case 1:
        return "scalar parameter (`nabla::var`)";
    case 2:
        return "vector parameter (`nabla::vec`)";
    case 3:
        return "matrix parameter (`nabla::mat`)";
    case 4:
        return "data row (`nabla::row`): a vector per row of the dataset";
    case 5:
        return "data column (`nabla::col`): a number per row of the dataset";
    default:
        return "direction of a Hessian-vector product (`nabla::direction`)";
    }
}

//! \brief The symbol table rows of \p Ss.
template <class... Ss>
void list_symbols(std::ostream& os, nabla::detail::type_list<Ss...>) {
    ((os << "| \\f$ " << to_latex(Ss{}) << " \\f$ | `" << Ss::name() << "` | " << symbol_role<Ss>()
         << " |\n"),
     ...);
}

//! \brief The left-hand side of the gradient with respect to \p P.
template <class P>
std::string gradient_lhs() {
    if constexpr (is_scalar_v<P>)
        return "\\frac{\\partial \\ell}{\\partial " + to_latex(P{}) + "}";
    else
        return "\\nabla_{" + to_latex(P{}) + "} \\ell";
}

//! \brief One table row of the row-loop analysis of the outputs \p Es.
template <class... Es>
void shape_row(std::ostream& os, std::string_view what) {
    using s = program_shape<Es...>;
    os << "| " << what << " | " << s::size << " | " << s::once_before << " | " << s::row_scalars
       << " | " << s::row_buffers << " | " << s::row_fused << " | " << s::reductions << " | "
       << s::once_after << " |\n";
}

//! \brief The phase table and the node counts of \p F with its gradient elements \p Gs (with
//! respect to \p Ps); \p hv_rows are the Hessian-vector products' rows of the node-count table.
template <class F, class... Ps, class... Gs>
void write_counts(std::ostream& os, nabla::detail::type_list<Gs...>, std::string const& hv_rows) {
    os << "\n| outputs | distinct nodes | before the loop | per row: scalar | per row: vector, "
          "buffered | per row: vector, fused | reductions | after the loop |\n"
          "|---|--:|--:|--:|--:|--:|--:|--:|\n";
    shape_row<F>(os, "loss (`eval`)");
    shape_row<F, Gs...>(os, "loss and gradient (`eval_all`)");
    os << "\nDistinct nodes include the symbols, which are read in place and not counted in the "
          "other columns; constants are not nodes at all.\n\n";

    os << "## Node counts\n\n"
          "Tree sizes count a repeated subtree each time it occurs; the data evaluator's program "
          "(`nabla::detail::data_program`) computes each distinct node once, alone or, in the "
          "last line, with the loss and the whole gradient.\n\n"
          "| expression | tree size | distinct nodes evaluated |\n|---|--:|--:|\n"
       << "| \\f$ \\ell \\f$ | " << tree_size_v<F> << " | " << nabla::detail::data_program<F>::size
       << " |\n";
    ((os << "| \\f$ " << gradient_lhs<Ps>() << " \\f$ | " << tree_size_v<Gs> << " | "
         << nabla::detail::data_program<Gs>::size << " |\n"),
     ...);
    os << hv_rows << "| loss and gradient (`eval_all`) | "
       << tree_size_v<F> + (std::size_t{0} + ... + tree_size_v<Gs>) << " | "
       << program_shape<F, Gs...>::size << " |\n";
}

//! \brief The names of \p Ps, comma-separated.
template <class... Ps>
std::string names() {
    std::string all;
    ((all += (all.empty() ? "" : ", ") + std::string(Ps::name())), ...);
    return all;
}

//! \brief The gradient section: one formula per element of \p g, with respect to \p Ps.
template <class... Ps, class G, std::size_t... I>
void write_gradient(std::ostream& os, G const& g, std::index_sequence<I...>) {
    ((os << "\\f[ " << gradient_lhs<Ps>() << " = " << to_latex(g.template get<I>()) << " \\f]\n\n"),
     ...);
}

//! \brief The Hessian-vector product along the direction of the vector symbol \p P, from the
//! gradient element \p gp; returns its row of the node-count table. Nothing for other symbols.
template <class P, class GP>
std::string write_hessian_vector(std::ostream& os, GP const& gp) {
    if constexpr (!is_vector_v<P>) {
        return {};
    } else {
        const auto hv = nabla::detail::diff<direction<P>>(gp);
        using HV = std::remove_cvref_t<decltype(hv)>;
        const std::string lhs =
            "\\nabla^2_{" + to_latex(P{}) + "} \\ell \\; " + to_latex(direction<P>{});
        os << "\\f[ " << lhs << " = " << to_latex(hv) << " \\f]\n\n";
        // A single mean is its own list; a constant product needs no row loop.
        if constexpr (!is_scalar_v<HV> &&
                      nabla::detail::phase_of<HV>() != nabla::detail::phase::reduction) {
            os << "What the row loop of `nabla::hessian_vector` along \\f$ "
               << to_latex(direction<P>{}) << " \\f$ accumulates:\n\n";
            list_reductions(os, typename nabla::detail::data_program<HV>::nodes{}, hv);
            os << "\n";
        }
        return "| \\f$ " + lhs + " \\f$ | " + std::to_string(tree_size_v<HV>) + " | " +
               std::to_string(nabla::detail::data_program<HV>::size) + " |\n";
    }
}

//! \brief The Hessian-vector products of every vector symbol among \p Ps, from the gradient
//! \p g; returns their rows of the node-count table.
template <class... Ps, class G, std::size_t... I>
std::string write_hessian_vectors(std::ostream& os, G const& g, std::index_sequence<I...>) {
    std::string rows; // in order: a comma fold sequences the writes, a `+` fold would not
    ((rows += write_hessian_vector<Ps>(os, g.template get<I>())), ...);
    return rows;
}

//! \brief The Hessian of a loss in scalar parameters \p Ps only: the upper triangle, each entry
//! the derivative of the gradient element of \p Ps[I] with respect to \p Ps[J], \p J >= \p I.
template <class... Ps, class G, std::size_t... I>
void write_scalar_hessian(std::ostream& os, G const& g, std::index_sequence<I...>) {
    using params = nabla::detail::type_list<Ps...>;
    const auto entry = [&]<std::size_t R, std::size_t C>() {
        if constexpr (C >= R) {
            using P = nabla::detail::type_at_t<R, params>;
            using Q = nabla::detail::type_at_t<C, params>;
            os << "\\f[ \\frac{\\partial^2 \\ell}{\\partial " << to_latex(P{}) << " \\, \\partial "
               << to_latex(Q{}) << "} = " << to_latex(nabla::detail::diff<Q>(g.template get<R>()))
               << " \\f]\n\n";
        }
    };
    const auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
        (entry.template operator()<R, I>(), ...);
    };
    (row(std::integral_constant<std::size_t, I>{}), ...);
}

} // namespace detail

//! \brief Writes the page of a model-zoo loss (`nabla::docs::zoo::page`) to \p os.
template <class F, class... Ps>
void write_page(std::ostream& os, std::string const& slug, std::string const& source,
                zoo::loss_page<F, Ps...> const& page) {
    F const& loss = page.loss;
    const auto g = gradient(loss, wrt_t<Ps...>{});
    using g_list = nabla::detail::elements_of_t<std::remove_cvref_t<decltype(g)>>;
    constexpr auto each = std::index_sequence_for<Ps...>{};

    os << "# " << page.title << " {#derivatives_" << slug << "}\n\n"
       << "Generated at build time by `docs/generator` from `" << source
       << "`: every formula below is printed by nabla (`nabla::to_latex`) and every count is "
          "read from the types nabla builds. Back to \\ref derivatives; see \\ref data for the "
          "operations and how a loss over data is evaluated.\n\n";
    if (!page.intro.empty())
        os << page.intro << "\n\n";

    os << "## Symbols\n\n| symbol | name | kind |\n|---|---|---|\n";
    detail::list_symbols(os, free_symbols_t<F>{});

    os << "\n## Loss\n\n"
          "\\f$ \\frac{1}{n} \\sum_{i} \\f$ is the mean over the \\f$ n \\f$ rows of the "
          "dataset the loss is evaluated on (`nabla::mean`), \\f$ \\sum_{i} \\f$ their sum "
          "(`nabla::sum_rows`); inside either, each data symbol stands for its value in row "
          "\\f$ i \\f$.\n\n"
       << "\\f[ \\ell = " << to_latex(loss) << " \\f]\n\n";

    os << "## Gradient\n\n"
          "One expression per parameter, at the vector level: a vector for a vector symbol, a "
          "matrix for a matrix symbol (the adjoint of the loss pushed back to the symbol, "
          "simplified; `nabla::gradient(loss, "
       << detail::names<Ps...>() << ")`).\n\n";
    detail::write_gradient<Ps...>(os, g, each);

    os << "## Hessian-vector products\n\n"
          "For a vector parameter \\f$ p \\f$, \\f$ \\nabla^2_{p} \\ell \\, d_p \\f$ is the "
          "directional derivative of the gradient expression along the direction symbol "
          "\\f$ d_p \\f$ (`nabla::hessian_vector`): one pass over the data, never the Hessian. "
          "The other parameters are held fixed.\n\n";
    const std::string hv_rows = detail::write_hessian_vectors<Ps...>(os, g, each);
    if constexpr ((is_scalar_v<Ps> && ...)) {
        os << "Every parameter is a scalar, so the Hessian itself is generated: each entry is the "
              "derivative of a gradient element (upper triangle; the Hessian is symmetric). A "
              "solver gets its products with a direction in one pass over the data.\n\n";
        detail::write_scalar_hessian<Ps...>(os, g, each);
    } else if (hv_rows.empty()) {
        os << "No parameter is a vector; the Hessian is not generated for matrix "
              "parameters.\n\n";
    }

    os << "## What runs per row\n\n"
          "`nabla::eval_all(loss, wrt(...), data, ...)` evaluates the loss and every gradient "
          "element in one pass over the rows, as one program of distinct nodes "
          "(`data/program.hpp`: a subexpression shared by the loss and the gradient is computed "
          "once per row). Before the loop it computes what depends on the parameters only; per "
          "row, each scalar node holds one value per row of a SIMD group (so the scalar work "
          "runs across rows in SIMD lanes), costly vector nodes (matrix products, element-wise "
          "functions) fill a buffer, and cheap ones (sums, products, symbols, outer products) are "
          "evaluated element by element inside the loop that consumes them; the reductions "
          "accumulate during the loop, and what uses them is computed once after it.\n\n"
          "The row loop accumulates, for the loss and gradient together:\n\n";
    boost::hana::unpack(g.elements, [&](auto const&... es) {
        using program = nabla::detail::data_program<F, std::remove_cvref_t<decltype(es)>...>;
        detail::list_reductions(os, typename program::nodes{}, loss, es...);
    });
    detail::write_counts<F, Ps...>(os, g_list{}, hv_rows);
}

} // namespace nabla::docs

#endif // NABLA_DOCS_GENERATOR_MODEL_PAGE_HPP

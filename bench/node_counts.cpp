// Node counts of the benchmark functions' gradients and Hessians: textbook (unsimplified) versus
// nabla's simplified derivatives, and the number of distinct nodes nabla's CSE'd plan evaluates.
// See docs/performance.md.
#include "../docs/generator/textbook.hpp"
#include "problems.hpp"

#include <cstdio>
#include <type_traits>
#include <utility>

namespace {

template <class F, class W>
struct counts;

template <class F, class... Vs>
struct counts<F, nabla::wrt_t<Vs...>> {
    static constexpr std::size_t n = sizeof...(Vs);
    using list = nabla::detail::type_list<Vs...>;
    template <std::size_t I>
    using var = nabla::detail::type_at_t<I, list>;

    using G = decltype(nabla::gradient(std::declval<F const&>(), nabla::wrt_t<Vs...>{}));
    using H = decltype(nabla::hessian(std::declval<F const&>(), nabla::wrt_t<Vs...>{}));

    template <class... Es>
    static constexpr std::size_t sum_sizes(nabla::detail::type_list<Es...>) {
        return (std::size_t{0} + ... + nabla::tree_size_v<Es>);
    }
    template <class... Es>
    static constexpr std::size_t plan_size(nabla::detail::type_list<Es...>) {
        return nabla::detail::plan_t<Es...>::size;
    }

    static constexpr std::size_t textbook_gradient =
        (std::size_t{0} + ... + nabla::tree_size_v<nabla::docs::textbook::diff_t<Vs, F>>);

    template <std::size_t I, std::size_t... J>
    static constexpr std::size_t textbook_hessian_row(std::index_sequence<J...>) {
        using gi = nabla::docs::textbook::diff_t<var<I>, F>;
        return (std::size_t{0} + ... +
                nabla::tree_size_v<nabla::docs::textbook::diff_t<var<I + J>, gi>>);
    }
    template <std::size_t... I>
    static constexpr std::size_t textbook_hessian_rows(std::index_sequence<I...>) {
        return (std::size_t{0} + ... + textbook_hessian_row<I>(std::make_index_sequence<n - I>{}));
    }
    static constexpr std::size_t textbook_hessian =
        textbook_hessian_rows(std::make_index_sequence<n>{});

    using g_list = nabla::detail::elements_of_t<G>;
    using h_list = nabla::detail::elements_of_t<H>;
    static constexpr std::size_t simplified_gradient = sum_sizes(g_list{});
    static constexpr std::size_t simplified_hessian = sum_sizes(h_list{});
    static constexpr std::size_t plan_gradient =
        plan_size(nabla::detail::concat_t<nabla::detail::type_list<F>, g_list>{});
    static constexpr std::size_t plan_all =
        plan_size(nabla::detail::concat_t<nabla::detail::type_list<F>, g_list, h_list>{});
};

template <class F, class W>
void row(char const* name, F const&, W const&) {
    using c = counts<F, std::remove_cv_t<W>>;
    std::printf("| %-12s | %2zu | %5zu | %18zu | %15zu | %17zu | %14zu | %8zu | %10zu |\n", name,
                c::n, nabla::tree_size_v<F>, c::textbook_gradient, c::simplified_gradient,
                c::textbook_hessian, c::simplified_hessian, c::plan_gradient, c::plan_all);
}

} // namespace

int main() {
    std::printf(
        "Nodes (tree size, repeated subtrees counted each time; a structural zero of the\n"
        "Hessian counts 1) of the upper triangle of the Hessian and of the gradient, from a\n"
        "textbook chain rule and from nabla; plan = distinct nodes evaluated after CSE\n"
        "(constants are read in place and not counted).\n\n");
    std::printf(
        "| function     |  n | f     | gradient: textbook | gradient: nabla | Hessian: textbook "
        "| Hessian: nabla | plan f+g | plan f+g+H |\n");
    std::printf(
        "|--------------|----|-------|--------------------|-----------------|-------------------"
        "|----------------|----------|------------|\n");
    row("rosenbrock2", bench::rosenbrock2, bench::rosenbrock2_wrt);
    row("rosenbrock10", bench::rosenbrock10, bench::rosenbrock10_wrt);
    row("logistic5", bench::logistic, bench::logistic_wrt);
}

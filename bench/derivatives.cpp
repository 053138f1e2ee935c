// Run-time benchmark: value + gradient and value + gradient + Hessian of three functions, by
// nabla, by hand, by Eigen's AutoDiffScalar and by Boost.Math's autodiff; then a table of the
// times relative to the hand-written code. See docs/performance.md.
#include "handwritten.hpp"
#include "peers.hpp"
#include "problems.hpp"
#include "ratio_reporter.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr std::size_t n_points = 16;

// Points near a base point, filled at run time: the compiler can fold nothing, and the input
// changes every iteration.
template <std::size_t N>
std::array<std::array<double, N>, n_points>& points() {
    static std::array<std::array<double, N>, n_points> pts = [] {
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> jitter(-0.1, 0.1);
        std::array<std::array<double, N>, n_points> r{};
        for (auto& p : r)
            for (std::size_t i = 0; i != N; ++i)
                p[i] = (i % 2 == 0 ? -1.2 : 1.0) + jitter(rng);
        return r;
    }();
    return pts;
}

template <std::size_t N, class Fn>
void add(std::string const& name, Fn fn) {
    benchmark::RegisterBenchmark(name.c_str(), [fn](benchmark::State& state) {
        auto& pts = points<N>();
        benchmark::DoNotOptimize(pts.data());
        std::size_t i = 0;
        for (auto _ : state) {
            auto r = fn(pts[i++ % n_points]);
            benchmark::DoNotOptimize(r);
        }
    });
}

const std::vector<std::string> problems{"rosenbrock2", "rosenbrock10", "logistic5"};
const std::vector<std::string> modes{"gradient", "hessian"};
const std::vector<std::string> methods{"hand", "nabla", "eigen", "boost"};

void register_all() {
    using namespace bench;
    auto r2 = [](auto const& p) { return generic::rosenbrock2(p); };
    auto r10 = [](auto const& p) { return generic::rosenbrock10(p); };
    auto lg = [](auto const& p) { return generic::logistic(p); };

    add<2>("rosenbrock2/gradient/hand", hand::rosenbrock2_gradient);
    add<2>("rosenbrock2/gradient/nabla",
           [](auto const& p) { return nabla::eval_gradient(rosenbrock2, rosenbrock2_wrt, p); });
    add<2>("rosenbrock2/gradient/eigen", [r2](auto const& p) { return eigen::gradient<2>(r2, p); });
    add<2>("rosenbrock2/gradient/boost",
           [r2](auto const& p) { return boost_ad::gradient<2>(r2, p); });
    add<2>("rosenbrock2/hessian/hand", hand::rosenbrock2_hessian);
    add<2>("rosenbrock2/hessian/nabla",
           [](auto const& p) { return nabla::eval_all(rosenbrock2, rosenbrock2_wrt, p); });
    add<2>("rosenbrock2/hessian/eigen", [r2](auto const& p) { return eigen::hessian<2>(r2, p); });
    add<2>("rosenbrock2/hessian/boost",
           [r2](auto const& p) { return boost_ad::hessian<2>(r2, p); });

    add<10>("rosenbrock10/gradient/hand", hand::rosenbrock10_gradient);
    add<10>("rosenbrock10/gradient/nabla",
            [](auto const& p) { return nabla::eval_gradient(rosenbrock10, rosenbrock10_wrt, p); });
    add<10>("rosenbrock10/gradient/eigen",
            [r10](auto const& p) { return eigen::gradient<10>(r10, p); });
    add<10>("rosenbrock10/gradient/boost",
            [r10](auto const& p) { return boost_ad::gradient<10>(r10, p); });
    add<10>("rosenbrock10/hessian/hand", hand::rosenbrock10_hessian);
    add<10>("rosenbrock10/hessian/nabla",
            [](auto const& p) { return nabla::eval_all(rosenbrock10, rosenbrock10_wrt, p); });
    add<10>("rosenbrock10/hessian/eigen",
            [r10](auto const& p) { return eigen::hessian<10>(r10, p); });
    add<10>("rosenbrock10/hessian/boost",
            [r10](auto const& p) { return boost_ad::hessian<10>(r10, p); });

    add<5>("logistic5/gradient/hand", hand::logistic_gradient);
    add<5>("logistic5/gradient/nabla",
           [](auto const& p) { return nabla::eval_gradient(logistic, logistic_wrt, p); });
    add<5>("logistic5/gradient/eigen", [lg](auto const& p) { return eigen::gradient<5>(lg, p); });
    add<5>("logistic5/gradient/boost",
           [lg](auto const& p) { return boost_ad::gradient<5>(lg, p); });
    add<5>("logistic5/hessian/hand", hand::logistic_hessian);
    add<5>("logistic5/hessian/nabla",
           [](auto const& p) { return nabla::eval_all(logistic, logistic_wrt, p); });
    add<5>("logistic5/hessian/eigen", [lg](auto const& p) { return eigen::hessian<5>(lg, p); });
    add<5>("logistic5/hessian/boost", [lg](auto const& p) { return boost_ad::hessian<5>(lg, p); });
}

// ---- agreement: every method must compute the same numbers, or the timings mean nothing ------

double rel(double a, double b) {
    return std::abs(a - b) / std::max({1.0, std::abs(a), std::abs(b)});
}

template <std::size_t N>
double difference(nabla::value_and_gradient<double, N> const& a,
                  nabla::value_and_gradient<double, N> const& b) {
    double d = rel(a.value, b.value);
    for (std::size_t i = 0; i != N; ++i)
        d = std::max(d, rel(a.gradient[i], b.gradient[i]));
    return d;
}
template <std::size_t N>
double difference(nabla::evaluation<double, N> const& a, nabla::evaluation<double, N> const& b) {
    double d = difference(nabla::value_and_gradient<double, N>{a.value, a.gradient},
                          nabla::value_and_gradient<double, N>{b.value, b.gradient});
    for (std::size_t i = 0; i != N * N; ++i)
        d = std::max(d, rel(a.hessian.data[i], b.hessian.data[i]));
    return d;
}

// Compares nabla, Eigen and Boost with the hand-written code at every benchmark point.
bool check_agreement() {
    using namespace bench;
    double worst = 0;
    auto check = [&](auto const& pts, auto hand, auto... others) {
        for (auto const& p : pts) {
            const auto reference = hand(p);
            ((worst = std::max(worst, difference(reference, others(p)))), ...);
        }
    };
    auto r2 = [](auto const& p) { return generic::rosenbrock2(p); };
    auto r10 = [](auto const& p) { return generic::rosenbrock10(p); };
    auto lg = [](auto const& p) { return generic::logistic(p); };
    check(
        points<2>(), hand::rosenbrock2_gradient,
        [](auto const& p) { return nabla::eval_gradient(rosenbrock2, rosenbrock2_wrt, p); },
        [&](auto const& p) { return eigen::gradient<2>(r2, p); },
        [&](auto const& p) { return boost_ad::gradient<2>(r2, p); });
    check(
        points<2>(), hand::rosenbrock2_hessian,
        [](auto const& p) { return nabla::eval_all(rosenbrock2, rosenbrock2_wrt, p); },
        [&](auto const& p) { return eigen::hessian<2>(r2, p); },
        [&](auto const& p) { return boost_ad::hessian<2>(r2, p); });
    check(
        points<10>(), hand::rosenbrock10_gradient,
        [](auto const& p) { return nabla::eval_gradient(rosenbrock10, rosenbrock10_wrt, p); },
        [&](auto const& p) { return eigen::gradient<10>(r10, p); },
        [&](auto const& p) { return boost_ad::gradient<10>(r10, p); });
    check(
        points<10>(), hand::rosenbrock10_hessian,
        [](auto const& p) { return nabla::eval_all(rosenbrock10, rosenbrock10_wrt, p); },
        [&](auto const& p) { return eigen::hessian<10>(r10, p); },
        [&](auto const& p) { return boost_ad::hessian<10>(r10, p); });
    check(
        points<5>(), hand::logistic_gradient,
        [](auto const& p) { return nabla::eval_gradient(logistic, logistic_wrt, p); },
        [&](auto const& p) { return eigen::gradient<5>(lg, p); },
        [&](auto const& p) { return boost_ad::gradient<5>(lg, p); });
    check(
        points<5>(), hand::logistic_hessian,
        [](auto const& p) { return nabla::eval_all(logistic, logistic_wrt, p); },
        [&](auto const& p) { return eigen::hessian<5>(lg, p); },
        [&](auto const& p) { return boost_ad::hessian<5>(lg, p); });
    std::printf(
        "All methods agree with the hand-written code to %.1e (relative; must be < 1e-12).\n\n",
        worst);
    return worst < 1e-12;
}

void print_ratios(std::map<std::string, double> const& ns) {
    std::printf("\nTime relative to hand-written code (lower is better; targets: nabla gradient "
                "<= 1.10, Hessian <= 1.25, ahead of both peers)\n\n");
    std::printf(
        "| function     | derivatives | hand (ns) | nabla  | Eigen   | Boost    | target |\n");
    std::printf(
        "|--------------|-------------|-----------|--------|---------|----------|--------|\n");
    for (auto const& problem : problems)
        for (auto const& mode : modes) {
            auto at = [&](std::string const& method) {
                const auto it = ns.find(problem + "/" + mode + "/" + method);
                return it == ns.end() ? -1.0 : it->second;
            };
            const double hand = at("hand");
            if (hand <= 0)
                continue;
            auto ratio = [&](std::string const& method) {
                const double t = at(method);
                char buf[16] = "n/a";
                if (t > 0)
                    std::snprintf(buf, sizeof buf, "%.2fx", t / hand);
                return std::string(buf);
            };
            const double nab = at("nabla"), eig = at("eigen"), boo = at("boost");
            const double limit = mode == "gradient" ? 1.10 : 1.25;
            const bool met =
                nab > 0 && nab / hand <= limit && (eig < 0 || nab < eig) && (boo < 0 || nab < boo);
            std::printf("| %-12s | %-11s | %9.2f | %6s | %7s | %8s | %-6s |\n", problem.c_str(),
                        mode == "gradient" ? "value+grad" : "value+g+H", hand,
                        ratio("nabla").c_str(), ratio("eigen").c_str(), ratio("boost").c_str(),
                        met ? "met" : "MISSED");
        }
}

} // namespace

int main(int argc, char** argv) {
    if (!check_agreement())
        return 1;
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    bench::ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    print_ratios(reporter.ns);
}

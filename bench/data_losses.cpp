// Run-time benchmark of losses over datasets: the gradient of L2-regularised logistic regression
// over n x d doubles by nabla, by a hand-written fused xsimd loop, by a plain scalar loop and by
// Eigen; the memory bandwidth it reaches against a STREAM-like triad and against a bare read of
// X (the floor under any one-thread pass); and the gradient of a one-hidden-layer network
// against hand-written back-propagation. See docs/performance.md.
#include "data_handwritten.hpp"
#include "ratio_reporter.hpp"

#include <nabla/data.hpp>
#include <nabla/models.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr nabla::vec<"w"> w;
constexpr nabla::var<"b"> b;
constexpr nabla::row<"x"> x;
constexpr nabla::col<"y"> y;
constexpr double lambda = 1e-3;

struct problem {
    std::size_t n, d;
    nabla::dense_matrix<double> X;
    std::vector<double> Y, w0;
    problem(std::size_t rows, std::size_t cols)
        : n(rows), d(cols), X(rows, cols), Y(rows), w0(cols) {
        std::mt19937_64 rng(1);
        std::normal_distribution<double> normal;
        for (std::size_t i = 0; i != n * d; ++i)
            X.data()[i] = normal(rng);
        for (auto& e : Y)
            e = normal(rng) > 0 ? 1.0 : -1.0;
        for (auto& e : w0)
            e = 0.1 * normal(rng);
    }
    std::string name() const { return std::to_string(n) + "x" + std::to_string(d); }
};

std::vector<problem>& problems() {
    static std::vector<problem> p = [] {
        std::vector<problem> r;
        r.emplace_back(10'000, 32);
        r.emplace_back(1'000'000, 32);
        r.emplace_back(100'000, 512);
        return r;
    }();
    return p;
}

const auto logistic_loss = nabla::models::logistic(w, b, x, y, lambda);
const auto logistic_gradient = nabla::gradient(logistic_loss, w, b);

// The dataset is made once, as a solver would: making it checks every value for NaN.
template <class Data>
double nabla_logistic(problem const& p, Data const& data) {
    auto [gw, gb] = nabla::eval(logistic_gradient, data, w = p.w0, b = 0.1);
    benchmark::DoNotOptimize(gw.data());
    return gb;
}

void register_logistic(problem const& p) {
    const std::string base = "logistic/" + p.name() + "/";
    benchmark::RegisterBenchmark((base + "nabla").c_str(), [&p](benchmark::State& s) {
        const auto data = nabla::dataset(x = p.X, y = p.Y);
        for (auto _ : s)
            benchmark::DoNotOptimize(nabla_logistic(p, data));
    })->UseRealTime();
    benchmark::RegisterBenchmark((base + "nabla_2_threads").c_str(), [&p](benchmark::State& s) {
        const auto data = nabla::dataset(x = p.X, y = p.Y).threads(2);
        for (auto _ : s)
            benchmark::DoNotOptimize(nabla_logistic(p, data));
    })->UseRealTime();
    benchmark::RegisterBenchmark((base + "xsimd").c_str(), [&p](benchmark::State& s) {
        std::vector<double> g(p.d);
        for (auto _ : s)
            benchmark::DoNotOptimize(bench::logistic_gradient_xsimd(
                p.X.data(), p.Y.data(), p.n, p.d, p.w0.data(), 0.1, lambda, g.data()));
    })->UseRealTime();
    benchmark::RegisterBenchmark((base + "scalar").c_str(), [&p](benchmark::State& s) {
        std::vector<double> g(p.d);
        for (auto _ : s)
            benchmark::DoNotOptimize(bench::logistic_gradient_scalar(
                p.X.data(), p.Y.data(), p.n, p.d, p.w0.data(), 0.1, lambda, g.data()));
    })->UseRealTime();
    benchmark::RegisterBenchmark((base + "eigen").c_str(), [&p](benchmark::State& s) {
        Eigen::Map<const bench::row_major> X(p.X.data(), static_cast<Eigen::Index>(p.n),
                                             static_cast<Eigen::Index>(p.d));
        Eigen::Map<const Eigen::VectorXd> Y(p.Y.data(), static_cast<Eigen::Index>(p.n));
        Eigen::VectorXd w0 =
            Eigen::Map<const Eigen::VectorXd>(p.w0.data(), static_cast<Eigen::Index>(p.d));
        Eigen::VectorXd g(p.d);
        for (auto _ : s)
            benchmark::DoNotOptimize(bench::logistic_gradient_eigen(X, Y, w0, 0.1, lambda, g));
    })->UseRealTime();
    // X read once, in order, and nothing else: the floor under any one-thread pass over it
    benchmark::RegisterBenchmark((base + "read").c_str(), [&p](benchmark::State& s) {
        for (auto _ : s)
            benchmark::DoNotOptimize(bench::read_sum(p.X.data(), p.n * p.d));
    })->UseRealTime();
    // a triad over as many bytes as X: a[i] = b[i] + s c[i]
    benchmark::RegisterBenchmark((base + "triad").c_str(), [&p](benchmark::State& s) {
        const std::size_t m = p.n * p.d;
        std::vector<double> a(m, 0.0), bb(m, 1.0), c(m, 2.0);
        for (auto _ : s) {
            bench::triad(a.data(), bb.data(), c.data(), 3.0, m);
            benchmark::DoNotOptimize(a.data());
            benchmark::ClobberMemory();
        }
    })->UseRealTime();
}

// ---- the network ---------------------------------------------------------------------------

constexpr nabla::mat<"W"> W;
constexpr nabla::vec<"c"> c;
constexpr nabla::vec<"v"> v;
constexpr std::size_t hidden = 16;

struct network_problem {
    problem data{10'000, 32};
    nabla::dense_matrix<double> W0{hidden, 32};
    std::vector<double> c0 = std::vector<double>(hidden), v0 = std::vector<double>(hidden);
    network_problem() {
        std::mt19937_64 rng(2);
        std::normal_distribution<double> normal;
        for (std::size_t k = 0; k != hidden * data.d; ++k)
            W0.data()[k] = 0.3 * normal(rng);
        for (auto* vec : {&c0, &v0})
            for (auto& e : *vec)
                e = 0.3 * normal(rng);
        for (auto& e : data.Y)
            e = normal(rng);
    }
};

network_problem& network() {
    static network_problem p;
    return p;
}

const auto network_loss =
    nabla::models::network_squared_loss<nabla::models::activation::tanh>(W, c, v, b, x, y);
const auto network_gradient = nabla::gradient(network_loss, W, c, v, b);

template <class Data>
auto nabla_network(network_problem const& p, Data const& data) {
    return nabla::eval(network_gradient, data, W = p.W0, c = p.c0, v = p.v0, b = 0.1);
}

void register_network() {
    auto& p = network();
    benchmark::RegisterBenchmark("network/10000x32/nabla", [&p](benchmark::State& s) {
        const auto data = nabla::dataset(x = p.data.X, y = p.data.Y);
        for (auto _ : s) {
            auto r = nabla_network(p, data);
            benchmark::DoNotOptimize(std::get<3>(r));
        }
    })->UseRealTime();
    benchmark::RegisterBenchmark("network/10000x32/hand", [&p](benchmark::State& s) {
        bench::network_gradient backprop(hidden, p.data.d);
        std::vector<double> gW(hidden * p.data.d), gc(hidden), gv(hidden);
        double gb = 0;
        for (auto _ : s) {
            backprop(p.data.X.data(), p.data.Y.data(), p.data.n, p.W0.data(), p.c0.data(),
                     p.v0.data(), 0.1, gW.data(), gc.data(), gv.data(), gb);
            benchmark::DoNotOptimize(gb);
        }
    })->UseRealTime();
}

// ---- agreement and the table ---------------------------------------------------------------

double rel(double a, double b) {
    return std::abs(a - b) / std::max({1.0, std::abs(a), std::abs(b)});
}

bool check_agreement() {
    double worst = 0;
    for (auto const& p : problems()) {
        if (p.n > 100'000 && p.d < 100)
            continue; // the large case is the same code on more rows
        auto data = nabla::dataset(x = p.X, y = p.Y);
        auto [gw, gb] = nabla::eval(logistic_gradient, data, w = p.w0, b = 0.1);
        std::vector<double> g(p.d);
        const double hb = bench::logistic_gradient_scalar(p.X.data(), p.Y.data(), p.n, p.d,
                                                          p.w0.data(), 0.1, lambda, g.data());
        worst = std::max(worst, rel(gb, hb));
        for (std::size_t j = 0; j != p.d; ++j)
            worst = std::max(worst, rel(gw[j], g[j]));
    }
    auto& q = network();
    const auto r = nabla_network(q, nabla::dataset(x = q.data.X, y = q.data.Y));
    bench::network_gradient backprop(hidden, q.data.d);
    std::vector<double> gW(hidden * q.data.d), gc(hidden), gv(hidden);
    double gb = 0;
    backprop(q.data.X.data(), q.data.Y.data(), q.data.n, q.W0.data(), q.c0.data(), q.v0.data(), 0.1,
             gW.data(), gc.data(), gv.data(), gb);
    worst = std::max(worst, rel(std::get<3>(r), gb));
    for (std::size_t k = 0; k != gW.size(); ++k)
        worst = std::max(worst, rel(std::get<0>(r).data()[k], gW[k]));
    for (std::size_t k = 0; k != hidden; ++k)
        worst = std::max({worst, rel(std::get<1>(r)[k], gc[k]), rel(std::get<2>(r)[k], gv[k])});
    std::printf("nabla agrees with the hand-written gradients to %.1e (relative; must be < "
                "1e-10).\n\n",
                worst);
    return worst < 1e-10;
}

void print_table(std::map<std::string, double> const& ns) {
    auto at = [&](std::string const& key) {
        const auto it = ns.find(key + "/real_time");
        return it == ns.end() ? -1.0 : it->second;
    };
    std::printf("\nGradient of L2-regularised logistic regression (one thread unless noted; "
                "targets: nabla <= 1.10x xsimd, scalar >= 3x nabla, nabla ahead of Eigen, "
                "out of cache >= 70%% of the triad's bandwidth). 'read': X summed once in "
                "order, the floor under one thread's pass; 'scalar / read' bounds scalar / "
                "nabla.\n\n");
    std::printf("| n x d | nabla (ms) | nabla / xsimd | scalar / nabla | Eigen / nabla | "
                "nabla GB/s | triad GB/s | share | nabla / read | scalar / read | 2 threads |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (auto const& p : problems()) {
        const std::string base = "logistic/" + p.name() + "/";
        const double nab = at(base + "nabla"), simd = at(base + "xsimd"),
                     scalar = at(base + "scalar"), eig = at(base + "eigen"),
                     triad = at(base + "triad"), read = at(base + "read"),
                     two = at(base + "nabla_2_threads");
        const double bytes = 8.0 * static_cast<double>(p.n) * static_cast<double>(p.d + 1);
        const double nabla_bw = bytes / nab;                                   // GB/s = B/ns
        const double triad_bw = 24.0 * static_cast<double>(p.n * p.d) / triad; // STREAM counts
        std::printf("| %s | %.3f | %.2fx | %.2fx | %.2fx | %.1f | %.1f | %.0f%% | %.2fx | %.2fx | "
                    "%.2fx |\n",
                    p.name().c_str(), nab / 1e6, nab / simd, scalar / nab, eig / nab, nabla_bw,
                    triad_bw, 100 * nabla_bw / triad_bw, nab / read, scalar / read, nab / two);
    }
    const double net = at("network/10000x32/nabla"), hand = at("network/10000x32/hand");
    std::printf("\nOne-hidden-layer tanh network (h = %zu), 10000 x 32: nabla %.3f ms, "
                "hand-written back-propagation %.3f ms, ratio %.2fx (target <= 1.25x)\n",
                hidden, net / 1e6, hand / 1e6, net / hand);
}

} // namespace

int main(int argc, char** argv) {
    if (!check_agreement())
        return 1;
    for (auto const& p : problems())
        register_logistic(p);
    register_network();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    bench::ratio_reporter reporter;
    reporter.wall_time = true;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    print_table(reporter.ns);
}

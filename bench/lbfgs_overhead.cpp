// The cost of nabla's L-BFGS itself, without the objective, against LBFGS++ (liblbfgspp-dev),
// and the bandwidth of its direction d = -Hg against a STREAM triad measured in the same run.
//
// 1. Per-iteration overhead. Both solvers, history m = 6, minimise cheap objectives with
//    hand-written gradients (a diagonal quadratic with condition number 1e3 and the extended
//    Rosenbrock function) for n = 10 and 100. The overhead per iteration is
//        (wall time of a whole run - evaluations x time of one evaluation) / iterations,
//    the time of one evaluation measured separately in the same run; a whole run includes
//    setting up and returning the result. LBFGS++ runs with LineSearchNocedalWright, the same
//    strong Wolfe algorithm (Nocedal & Wright 3.5/3.6) as nabla's default, and with its default
//    backtracking line search for the strong Wolfe conditions. nabla runs with its defaults
//    (history recorded) and with stop.record_history = false.
// 2. The direction alone against LBFGS++'s two-loop recursion on the same pairs, n = 10..10^6.
// 3. The L-BFGS direction d = -Hg at n = 10^6, m = 6 (a full memory), against the STREAM triad
//    a = b + s c on arrays of 10^7 doubles: bytes streamed per second, ratio printed. The bytes
//    are those of the two passes the compact representation makes (see detail::lbfgs_memory):
//    the inner products S'g and Y'g (read 2m + 1 vectors), then d = -gamma g + S u + Y t with
//    g'd (read 2m + 1, write 1): (4m + 3) vectors of n doubles. STREAM's convention (each read
//    and write counted once, no write-allocate traffic) for both.
//
// Timings are the fastest of several batches: the machine is shared. Build with the project
// (-DNABLA_BUILD_BENCHMARKS=ON, when LBFGS.h is found; target nabla_bench_lbfgs_overhead) or
// by hand, from the repository root:
//   g++ -std=c++20 -O2 -march=native -DNDEBUG -Iinclude -Isymbolic/include -Isolvers/include
//       -I/usr/include/eigen3 bench/lbfgs_overhead.cpp -o lbfgs_overhead
// Arguments: none (all parts), `overhead`, `direction` or `bandwidth`.
#include <nabla/solvers/lbfgs.hpp>

#include <Eigen/Core>
#include <LBFGS.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace ns = nabla::solvers;

namespace {

using clock_type = std::chrono::steady_clock;

// Keeps the compiler from dropping a computation whose result is unused.
template <class V>
void escape(V* p) {
    asm volatile("" : : "g"(p) : "memory");
}

// f = 1/2 sum_i c_i x_i^2 (c: the problem's coefficients); start x_i = 1.
double quadratic(const double* x, double* g, const std::vector<double>& c) {
    double f = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        g[i] = c[i] * x[i];
        f += 0.5 * g[i] * x[i];
    }
    return f;
}

// Extended Rosenbrock (c: its size only); start (-1.2, 1, -1.2, 1, ...).
double rosenbrock(const double* x, double* g, const std::vector<double>& c) {
    double f = 0;
    for (std::size_t i = 0; i < c.size(); i += 2) {
        const double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
        g[i] = -400 * x[i] * a - 2 * b;
        g[i + 1] = 200 * a;
        f += 100 * a * a + b * b;
    }
    return f;
}

struct problem {
    const char* name;
    double (*fg)(const double*, double*, const std::vector<double>&);
    std::vector<double> x0, c;
};

struct counting {
    const problem* p;
    std::size_t calls = 0;
    double operator()(const double* x, double* g) {
        ++calls;
        return p->fg(x, g, p->c);
    }
};

struct nabla_objective {
    using scalar_type = double;
    counting* c;
    std::size_t dimension() const { return c->p->x0.size(); }
    double value(std::span<const double> x) const {
        thread_local std::vector<double> g;
        g.resize(x.size());
        return (*c)(x.data(), g.data());
    }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        return (*c)(x.data(), g.data());
    }
};

struct run_stats {
    std::size_t iterations = 0, evaluations = 0;
    double seconds = 0; // one whole run, fastest batch
};

// Runs `run` (returning the iteration count) in batches; the fastest batch's time per run.
template <class Run>
run_stats measure(const problem& p, Run run, int batches = 400) {
    run_stats s;
    counting c{&p};
    s.iterations = run(c);
    s.evaluations = c.calls;
    // batches of about 1000 iterations (well below a scheduler time slice)
    const int per_batch = std::max(1, int(1000 / (s.iterations + 1)));
    s.seconds = std::numeric_limits<double>::infinity();
    for (int b = 0; b < batches; ++b) {
        const auto t0 = clock_type::now();
        for (int r = 0; r < per_batch; ++r) {
            counting cr{&p};
            escape(&cr);
            std::size_t it = run(cr);
            escape(&it);
        }
        const std::chrono::duration<double> t = clock_type::now() - t0;
        s.seconds = std::min(s.seconds, t.count() / per_batch);
    }
    return s;
}

// Seconds per evaluation of the objective at x0.
double evaluation_seconds(const problem& p) {
    const std::size_t n = p.x0.size();
    std::vector<double> x = p.x0, g(n);
    double best = std::numeric_limits<double>::infinity();
    const int reps = 10000 / int(n);
    for (int b = 0; b < 400; ++b) {
        const auto t0 = clock_type::now();
        for (int r = 0; r < reps; ++r) {
            escape(x.data());
            double f = p.fg(x.data(), g.data(), p.c);
            escape(&f);
            escape(g.data());
        }
        const std::chrono::duration<double> t = clock_type::now() - t0;
        best = std::min(best, t.count() / reps);
    }
    return best;
}

template <template <class> class LS>
std::size_t run_lbfgspp(counting& c, int linesearch) {
    LBFGSpp::LBFGSParam<double> param;
    param.m = 6;
    param.epsilon = 1e-8;
    param.epsilon_rel = 1e-8;
    param.max_iterations = 1000;
    param.linesearch = linesearch;
    LBFGSpp::LBFGSSolver<double, LS> solver(param);
    const auto& x0 = c.p->x0;
    Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(x0.data(), long(x0.size()));
    double fx = 0;
    auto fun = [&](const Eigen::VectorXd& v, Eigen::VectorXd& g) { return c(v.data(), g.data()); };
    try {
        return std::size_t(solver.minimize(fun, x, fx));
    } catch (const std::exception&) {
        return 0;
    }
}

void overhead_table() {
    std::vector<problem> problems;
    for (std::size_t n : {10u, 100u}) {
        std::vector<double> c(n), x0(n);
        for (std::size_t i = 0; i < n; ++i) {
            c[i] = std::pow(10.0, 3.0 * double(i) / double(n - 1));
            x0[i] = i % 2 ? 1.0 : -1.2;
        }
        problems.push_back({"quadratic", quadratic, std::vector<double>(n, 1.0), c});
        problems.push_back({"ext_rosenbrock", rosenbrock, x0, c});
    }
    struct solver {
        const char* name;
        std::size_t (*run)(counting&);
    };
    const solver solvers[] = {
        {"nabla (defaults)",
         [](counting& c) { return ns::lbfgs{}.minimize(nabla_objective{&c}, c.p->x0).iterations; }},
        {"nabla (no history)",
         [](counting& c) {
             return ns::lbfgs{{.stop = {.record_history = false}}}
                 .minimize(nabla_objective{&c}, c.p->x0)
                 .iterations;
         }},
        {"LBFGS++ (N&W s.Wolfe)",
         [](counting& c) {
             return run_lbfgspp<LBFGSpp::LineSearchNocedalWright>(
                 c, LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE);
         }},
        {"LBFGS++ (bt s.Wolfe)",
         [](counting& c) {
             return run_lbfgspp<LBFGSpp::LineSearchBacktracking>(
                 c, LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_STRONG_WOLFE);
         }},
    };
    std::printf("Per-iteration overhead of L-BFGS (m = 6): (run time - evaluations x evaluation "
                "time) / iterations\n\n");
    std::printf("%-16s %5s %9s  %-22s %6s %6s %10s %12s %8s\n", "problem", "n", "eval[ns]",
                "solver", "iter", "evals", "run[us]", "overhead/it", "vs N&W");
    for (const auto& p : problems) {
        const double te = evaluation_seconds(p);
        double reference = 0;
        std::vector<double> overhead;
        std::vector<run_stats> stats;
        for (const auto& s : solvers) {
            const run_stats r = measure(p, s.run);
            stats.push_back(r);
            overhead.push_back(r.iterations
                                   ? (r.seconds - double(r.evaluations) * te) / double(r.iterations)
                                   : 0.0);
        }
        reference = overhead[2];
        for (std::size_t i = 0; i < stats.size(); ++i)
            std::printf("%-16s %5zu %9.1f  %-22s %6zu %6zu %10.2f %9.1f ns %7.2fx\n", p.name,
                        p.x0.size(), te * 1e9, solvers[i].name, stats[i].iterations,
                        stats[i].evaluations, stats[i].seconds * 1e6, overhead[i] * 1e9,
                        overhead[i] / reference);
        std::printf("\n");
    }
}

// STREAM triad a = b + s c, bytes per second (24 bytes per element), fastest of `reps`.
[[gnu::noinline]] double triad_bandwidth(std::size_t n, int reps) {
    std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
    double best = std::numeric_limits<double>::infinity();
    const double s = 3.0;
    for (int r = 0; r < reps; ++r) {
        const auto t0 = clock_type::now();
        std::size_t nv = 0;
#if NABLA_SOLVERS_HAS_XSIMD // the same SIMD width as the direction
        using batch = xsimd::batch<double>;
        nv = n / batch::size * batch::size;
        const batch bs(s);
        for (std::size_t i = 0; i < nv; i += batch::size)
            (xsimd::load_unaligned(b.data() + i) + bs * xsimd::load_unaligned(c.data() + i))
                .store_unaligned(a.data() + i);
#endif
        for (std::size_t i = nv; i < n; ++i)
            a[i] = b[i] + s * c[i];
        escape(a.data());
        const std::chrono::duration<double> t = clock_type::now() - t0;
        best = std::min(best, t.count());
    }
    return 24.0 * double(n) / best;
}

void bandwidth_table() {
    const std::size_t n = 1000000, m = 6;
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform(0.5, 1.5);
    ns::detail::lbfgs_memory<double> mem(n, m);
    std::vector<double> s(n), y(n), g(n), d(n);
    for (std::size_t k = 0; k < m; ++k) {
        for (std::size_t i = 0; i < n; ++i) {
            s[i] = normal(rng);
            y[i] = uniform(rng) * s[i];
        }
        mem.update(s, y);
    }
    for (auto& v : g)
        v = normal(rng);
    const int reps = 30;
    double best = std::numeric_limits<double>::infinity();
    double triad = 0;
    // interleaved, so that both see the same load on a shared machine
    for (int r = 0; r < reps; ++r) {
        const auto t0 = clock_type::now();
        double dg = 0;
        (void)mem.direction(g, d, dg);
        escape(d.data());
        escape(&dg);
        const std::chrono::duration<double> t = clock_type::now() - t0;
        best = std::min(best, t.count());
        if (r % 10 == 0)
            triad = std::max(triad, triad_bandwidth(10000000, 3));
    }
    const double bytes = double(4 * m + 3) * double(n) * sizeof(double);
    const double bw = bytes / best;
    std::printf("L-BFGS direction, n = %zu, m = %zu: %.2f ms, %.0f MB streamed, %.2f GB/s\n", n, m,
                best * 1e3, bytes / 1e6, bw / 1e9);
    std::printf("STREAM triad (3 x 10^7 doubles):            %.2f GB/s\n", triad / 1e9);
    std::printf("direction / triad bandwidth:                %.2f  (target >= 0.70)\n", bw / triad);
    std::printf("direction time / (its bytes at triad speed): %.2f\n", best / (bytes / triad));
}

// The direction alone, d = -Hg with g'd, for a full memory (m = 6) at several n: nabla's
// compact representation against LBFGS++'s two-loop recursion (BFGSMat::apply_Hv, and the dot
// product its solver forms next) on the same pairs; the largest relative difference of the two
// directions is printed as a check.
void direction_table() {
    const std::size_t m = 6;
    std::printf("\nL-BFGS direction d = -Hg and g'd, m = 6 pairs, fastest batch\n\n");
    std::printf("%9s %14s %14s %8s %12s\n", "n", "nabla", "LBFGS++", "ratio", "max rel diff");
    for (std::size_t n : {10u, 100u, 1000u, 10000u, 100000u, 1000000u}) {
        std::mt19937_64 rng(n);
        std::normal_distribution<double> normal;
        std::uniform_real_distribution<double> uniform(0.5, 1.5);
        ns::detail::lbfgs_memory<double> mem(n, m);
        LBFGSpp::BFGSMat<double> peer;
        peer.reset(int(n), int(m));
        Eigen::VectorXd s(n), y(n), g(n), res(n);
        for (std::size_t k = 0; k < m; ++k) {
            for (std::size_t i = 0; i < n; ++i) {
                s[long(i)] = normal(rng);
                y[long(i)] = uniform(rng) * s[long(i)];
            }
            mem.update(std::span<const double>(s.data(), n), std::span<const double>(y.data(), n));
            peer.add_correction(s, y);
        }
        for (auto& v : g)
            v = normal(rng);
        std::vector<double> d(n);
        const int reps = std::max(1, int(200000 / n)), batches = n >= 100000 ? 20 : 200;
        double tn = std::numeric_limits<double>::infinity(), tp = tn;
        for (int b = 0; b < batches; ++b) { // interleaved: both see the same load
            auto t0 = clock_type::now();
            for (int r = 0; r < reps; ++r) {
                double dg = 0;
                escape(g.data());
                (void)mem.direction(std::span<const double>(g.data(), n), d, dg);
                escape(d.data());
                escape(&dg);
            }
            const std::chrono::duration<double> t1 = clock_type::now() - t0;
            tn = std::min(tn, t1.count() / reps);
            t0 = clock_type::now();
            for (int r = 0; r < reps; ++r) {
                escape(g.data());
                peer.apply_Hv(g, -1.0, res);
                double dg = g.dot(res);
                escape(res.data());
                escape(&dg);
            }
            const std::chrono::duration<double> t2 = clock_type::now() - t0;
            tp = std::min(tp, t2.count() / reps);
        }
        double scale = 0, diff = 0;
        for (std::size_t i = 0; i < n; ++i) {
            scale = std::max(scale, std::abs(res[long(i)]));
            diff = std::max(diff, std::abs(res[long(i)] - d[i]));
        }
        std::printf("%9zu %11.1f ns %11.1f ns %7.2fx %12.1e\n", n, tn * 1e9, tp * 1e9, tn / tp,
                    diff / scale);
    }
}
} // namespace

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    if (only.empty() || only == "overhead")
        overhead_table();
    if (only.empty() || only == "direction")
        direction_table();
    if (only.empty() || only == "bandwidth")
        bandwidth_table();
}

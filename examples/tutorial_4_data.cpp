// Tutorial, step 4 (docs/tutorial.md): fit a model on real data. Logistic regression on the
// Wisconsin breast-cancer data: read the CSV, standardise, write the loss with a parameter
// vector and data symbols, read its gradient, minimise it with two solvers, and see which
// features matter. The lines between `// [name]` markers are spliced into the tutorial page.
#include <nabla/data.hpp>
#include <nabla/models.hpp>
#include <nabla/solvers.hpp>
#include <nabla/solvers/data_objective.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <vector>

#ifndef NABLA_DATA_DIR
#define NABLA_DATA_DIR "data"
#endif

int main() {
    // [data]
    // 569 tumours, 30 features each, and the diagnosis (0 malignant, 1 benign).
    auto table = nabla::read_csv(NABLA_DATA_DIR "/csv/breast_cancer.csv");
    nabla::dense_matrix<double> X = table.columns_except("target");
    nabla::standardize(X); // every column to mean 0, standard deviation 1
    std::vector<double> Y = table.column("target");
    for (double& label : Y)
        label = 2 * label - 1; // labels in {-1, +1}
    // [data]

    // [loss]
    constexpr nabla::vec<"w"> w; // 30 weights: a parameter vector, its length set at run time
    constexpr nabla::var<"b"> b; // the bias
    constexpr nabla::row<"x"> x; // a row of X
    constexpr nabla::col<"y"> y; // its label
    // mean(softplus(-y (w'x + b))) + lambda/2 |w|^2, written in the DSL in nabla/models
    const auto loss = nabla::models::logistic(w, b, x, y, 1e-2);
    const auto g = nabla::gradient(loss, w, b); // a vector expression for w, a scalar for b
    std::cout << "loss      = " << nabla::to_string(loss) << "\n"
              << "grad w    = " << nabla::to_string(g.get<0>()) << "\n"
              << "grad b    = " << nabla::to_string(g.get<1>()) << "\n";
    // [loss]

    // [fit]
    auto data = nabla::dataset(x = X, y = Y); // checks row counts and NaNs once
    const auto problem = nabla::objective(loss, nabla::wrt(w, b), data, nabla::sized(w, 30));
    const std::vector<double> start(31, 0.0); // w, then b
    const auto quasi_newton = nabla::solvers::lbfgs{}.minimize(problem, start);
    const auto newton = nabla::solvers::newton{}.minimize(problem, start);
    for (auto const* r : {&quasi_newton, &newton})
        std::printf("%-8s %-28s loss %.12f after %3zu iterations, %3zu gradients\n",
                    r == &newton ? "Newton" : "L-BFGS", std::string(to_string(r->status)).c_str(),
                    r->f, r->iterations, r->g_evals);
    // [fit]

    // [accuracy]
    const std::vector<double> fitted(newton.x.begin(), newton.x.end() - 1);
    const double bias = newton.x.back();
    std::size_t correct = 0;
    for (std::size_t i = 0; i != X.rows(); ++i) {
        const double margin =
            std::inner_product(fitted.begin(), fitted.end(), X.row(i).begin(), bias);
        correct += (margin > 0) == (Y[i] > 0);
    }
    std::printf("training accuracy %.1f%%\n", 100.0 * correct / X.rows());

    // mean |d loss_i / d x_ij| over the data: which features move the loss most
    const auto importance = nabla::feature_importance(loss, x, data, w = fitted, b = bias);
    std::vector<std::size_t> order(importance.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t i, std::size_t j) { return importance[i] > importance[j]; });
    for (std::size_t k = 0; k != 3; ++k)
        std::printf("  %-22s importance %.4f\n", table.names[order[k]].c_str(),
                    importance[order[k]]);
    // [accuracy]

    const bool agree = std::abs(quasi_newton.f - newton.f) <= 1e-8 * std::abs(newton.f);
    return agree && correct > 540 ? 0 : 1;
}

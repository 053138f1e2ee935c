//! \file
//! \brief `standardize`: columns of a data matrix to mean 0 and standard deviation 1.
#ifndef NABLA_SYMBOLIC_DATA_STANDARDIZE_HPP
#define NABLA_SYMBOLIC_DATA_STANDARDIZE_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/data/dense_matrix.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace nabla {

//! \brief The per-column affine map \f$ x_{ij} \mapsto (x_{ij} - \mu_j)/s_j \f$ found by
//! standardize(), kept to apply the same map to new data (a test set, a prediction input).
struct standardization {
    std::vector<double> mean;  //!< \f$ \mu_j \f$, the column means of the training data
    std::vector<double> scale; //!< \f$ s_j > 0 \f$, their standard deviations

    //! Applies the map to \p x in place; throws `data_error` if `x.cols()` differs from the
    //! number of columns the map was fitted on.
    void apply(dense_matrix<double>& x) const {
        if (x.cols() != mean.size())
            throw data_error("nabla::standardization::apply: the matrix has " +
                             std::to_string(x.cols()) + " columns, the standardization " +
                             std::to_string(mean.size()));
        for (std::size_t i = 0; i < x.rows(); ++i) {
            auto r = x.row(i);
            for (std::size_t j = 0; j < r.size(); ++j)
                r[j] = (r[j] - mean[j]) / scale[j];
        }
    }
};

//! \brief Standardises the columns of \p x in place to mean 0 and standard deviation 1 and
//! returns the map used.
//!
//! \f$ \mu_j = \frac1n\sum_i x_{ij} \f$, \f$ s_j = \sqrt{\frac1n\sum_i (x_{ij}-\mu_j)^2} \f$ (the
//! population standard deviation, as scikit-learn's `StandardScaler`; two passes). Throws
//! `data_error` for a matrix without rows, a NaN or infinite value (naming row and column), or a
//! constant column (\f$ s_j \le 10^{-13}|\mu_j| \f$, naming its index): it carries no
//! information and cannot be scaled.
//! \code
//! auto t = nabla::read_csv("data/breast_cancer.csv");
//! auto x = t.columns_except("target");
//! auto map = nabla::standardize(x);   // later: map.apply(x_test)
//! \endcode
inline standardization standardize(dense_matrix<double>& x) {
    const std::size_t n = x.rows(), d = x.cols();
    if (n == 0)
        throw data_error("nabla::standardize: the matrix has no rows");
    standardization s{std::vector<double>(d, 0.0), std::vector<double>(d, 0.0)};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j) {
            if (!std::isfinite(x(i, j)))
                throw data_error("nabla::standardize: row " + std::to_string(i) + ", column " +
                                 std::to_string(j) + " is NaN or infinite");
            s.mean[j] += x(i, j);
        }
    for (auto& m : s.mean)
        m /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j)
            s.scale[j] += (x(i, j) - s.mean[j]) * (x(i, j) - s.mean[j]);
    for (std::size_t j = 0; j < d; ++j) {
        s.scale[j] = std::sqrt(s.scale[j] / static_cast<double>(n));
        if (!(s.scale[j] > 1e-13 * std::abs(s.mean[j])))
            throw data_error("nabla::standardize: column " + std::to_string(j) +
                             " is constant (standard deviation 0): drop it before standardising");
    }
    s.apply(x);
    return s;
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_STANDARDIZE_HPP

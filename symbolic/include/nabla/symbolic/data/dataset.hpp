//! \file
//! \brief `nabla::dataset`: data symbols bound to the columns of a dataset, and the rows an
//! evaluation runs over (all, a range, a sample), with how many threads.
#ifndef NABLA_SYMBOLIC_DATA_DATASET_HPP
#define NABLA_SYMBOLIC_DATA_DATASET_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/expr/matrix_view.hpp>
#include <nabla/symbolic/expr/symbol.hpp>

#include <cmath>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace nabla {

namespace detail {
template <class T>
inline constexpr bool is_data_binding_value_v = false;
template <class T>
inline constexpr bool is_data_binding_value_v<matrix_view<T>> = true;
template <class T>
inline constexpr bool is_data_binding_value_v<std::span<const T>> = true;

template <class T>
std::size_t binding_rows(matrix_view<T> const& m) {
    return m.rows;
}
template <class T>
std::size_t binding_rows(std::span<const T> const& s) {
    return s.size();
}

template <class T>
std::size_t first_non_finite(std::span<const T> values) {
    using std::isfinite;
    for (std::size_t i = 0; i != values.size(); ++i)
        if (!isfinite(values[i]))
            return i;
    return values.size();
}

//! Throws `data_error` if a value of the binding \p b is NaN or infinite, naming where.
template <class B>
void check_finite(B const& b) {
    const std::string name(B::name());
    if constexpr (requires { b.value.cols; }) {
        const auto& m = b.value;
        const std::size_t at = first_non_finite(std::span(m.data, m.rows * m.cols));
        if (at != m.rows * m.cols)
            throw data_error("nabla::dataset: " + name + " has a non-finite value at row " +
                             std::to_string(at / m.cols) + ", column " +
                             std::to_string(at % m.cols));
    } else {
        const std::size_t at = first_non_finite(b.value);
        if (at != b.value.size())
            throw data_error("nabla::dataset: " + name + " has a non-finite value at row " +
                             std::to_string(at));
    }
}
} // namespace detail

//! \brief A dataset: data rows `row<"x">` and columns `col<"y">` bound to matrices and ranges
//! of one row count, and a selection of rows.
//!
//! The data is viewed, not copied: it must outlive the dataset. Construction checks that every
//! binding has the same number of rows and that no value is NaN or infinite, and throws
//! `nabla::data_error` naming the culprit otherwise. Copies are cheap; `rows(...)` and
//! `threads(...)` return a copy that selects rows or sets the thread count.
//! \code
//! auto data = nabla::dataset(x = X, y = Y);                 // all rows
//! auto batch = data.rows(0, 32);                            // a mini-batch
//! auto sample = data.rows(std::vector<std::size_t>{3, 17}); // a sampled index set
//! \endcode
template <class... Bs>
class dataset {
public:
    static_assert(sizeof...(Bs) != 0, "nabla::dataset: bind at least one data symbol");
    static_assert((detail::is_data_binding_value_v<decltype(Bs::value)> && ...),
                  "nabla::dataset: every argument must bind a data symbol: x = X for a "
                  "nabla::row<\"x\"> and a row-major matrix X, y = Y for a nabla::col<\"y\"> "
                  "and a range Y");

    //! Binds the data; throws `data_error` when row counts differ or a value is not finite.
    explicit dataset(Bs... bindings) : bindings_(bindings...) {
        rows_ = detail::binding_rows(std::get<0>(bindings_).value);
        std::apply(
            [&](auto const&... b) {
                (check_rows(std::string(std::remove_cvref_t<decltype(b)>::name()),
                            detail::binding_rows(b.value)),
                 ...);
                (detail::check_finite(b), ...);
            },
            bindings_);
        end_ = rows_;
    }

    //! The rows \f$ [i_0, i_1) \f$ of this selection (a mini-batch); throws `data_error` if the
    //! range is empty or beyond the selection.
    [[nodiscard]] dataset rows(std::size_t i0, std::size_t i1) const {
        if (!(i0 < i1 && i1 <= size()))
            throw data_error("nabla::dataset::rows: the range [" + std::to_string(i0) + ", " +
                             std::to_string(i1) + ") is empty or beyond the " +
                             std::to_string(size()) + " selected rows");
        dataset d = *this;
        if (indices_) {
            d.indices_ = std::make_shared<std::vector<std::size_t>>(indices_->begin() + i0,
                                                                    indices_->begin() + i1);
        } else {
            d.begin_ = begin_ + i0;
            d.end_ = begin_ + i1;
        }
        return d;
    }

    //! The rows at \p indices of this selection (a stochastic sample; repeats count twice):
    //! index \f$ k \f$ is the \f$ k \f$-th selected row, so a sample of a mini-batch stays in
    //! the mini-batch. Throws `data_error` on an index out of range or an empty sample.
    [[nodiscard]] dataset rows(std::span<const std::size_t> indices) const {
        if (indices.empty())
            throw data_error("nabla::dataset::rows: the sample is empty");
        auto picked = std::make_shared<std::vector<std::size_t>>();
        picked->reserve(indices.size());
        for (std::size_t k : indices) {
            if (k >= size())
                throw data_error("nabla::dataset::rows: index " + std::to_string(k) +
                                 " is beyond the " + std::to_string(size()) + " selected rows");
            picked->push_back(row_index(k));
        }
        dataset d = *this;
        d.indices_ = std::move(picked);
        return d;
    }

    //! A copy that evaluates on \p count threads (at least 1). Results do not depend on it:
    //! rows are summed in fixed blocks, and the blocks in order.
    [[nodiscard]] dataset threads(unsigned count) const {
        dataset d = *this;
        d.threads_ = count == 0 ? 1 : count;
        return d;
    }

    //! The number of selected rows \f$ n \f$ (what `mean` divides by).
    [[nodiscard]] std::size_t size() const { return indices_ ? indices_->size() : end_ - begin_; }
    //! The number of rows of the whole dataset.
    [[nodiscard]] std::size_t total_rows() const { return rows_; }
    //! The dataset row of the \p k-th selected row.
    [[nodiscard]] std::size_t row_index(std::size_t k) const {
        return indices_ ? (*indices_)[k] : begin_ + k;
    }
    //! True when the selection is a range of consecutive rows (not a sample).
    [[nodiscard]] bool contiguous() const { return !indices_; }
    //! The thread count.
    [[nodiscard]] unsigned thread_count() const { return threads_; }
    //! The bindings.
    [[nodiscard]] std::tuple<Bs...> const& bindings() const { return bindings_; }

private:
    void check_rows(std::string const& name, std::size_t rows) const {
        if (rows != rows_)
            throw data_error("nabla::dataset: " + name + " has " + std::to_string(rows) +
                             " rows but " +
                             std::string(std::tuple_element_t<0, std::tuple<Bs...>>::name()) +
                             " has " + std::to_string(rows_));
    }

    std::tuple<Bs...> bindings_;
    std::size_t rows_ = 0;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::shared_ptr<const std::vector<std::size_t>> indices_;
    unsigned threads_ = 1;
};

//! \brief True for `nabla::dataset` types.
template <class T>
inline constexpr bool is_dataset_v = false;
//! \brief A `nabla::dataset` is a dataset.
template <class... Bs>
inline constexpr bool is_dataset_v<dataset<Bs...>> = true;

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_DATASET_HPP

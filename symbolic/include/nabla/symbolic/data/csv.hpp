//! \file
//! \brief `read_csv`: a numeric CSV file with a header line into a `csv_table`.
#ifndef NABLA_SYMBOLIC_DATA_CSV_HPP
#define NABLA_SYMBOLIC_DATA_CSV_HPP

#include <nabla/symbolic/data/data_error.hpp>
#include <nabla/symbolic/data/dense_matrix.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace nabla {

//! \brief A table read from a CSV file: the column names of its header line and the values,
//! one row per data line.
struct csv_table {
    std::vector<std::string> names; //!< column names, in file order
    dense_matrix<double> values;    //!< `rows x names.size()`, row-major

    //! The index of column \p name; throws `data_error` naming \p name if there is none.
    [[nodiscard]] std::size_t index_of(std::string_view name) const {
        for (std::size_t j = 0; j < names.size(); ++j)
            if (names[j] == name)
                return j;
        std::string known;
        for (auto const& n : names)
            known += (known.empty() ? "" : ", ") + n;
        throw data_error("nabla::csv_table: no column named '" + std::string(name) +
                         "' (columns: " + known + ")");
    }
    //! The values of column \p name; throws `data_error` naming an unknown column.
    [[nodiscard]] std::vector<double> column(std::string_view name) const {
        const std::size_t j = index_of(name);
        std::vector<double> out(values.rows());
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = values(i, j);
        return out;
    }
    //! Every column but \p name (e.g. the features without the label), in file order; throws
    //! `data_error` naming an unknown column.
    [[nodiscard]] dense_matrix<double> columns_except(std::string_view name) const {
        const std::size_t skip = index_of(name);
        dense_matrix<double> out(values.rows(), values.cols() - 1);
        for (std::size_t i = 0; i < values.rows(); ++i)
            for (std::size_t j = 0, k = 0; j < values.cols(); ++j)
                if (j != skip)
                    out(i, k++) = values(i, j);
        return out;
    }
};

namespace detail {
//! \p s without leading and trailing blanks (space, tab, carriage return).
inline std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}
//! The comma-separated fields of \p line, trimmed.
inline std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const auto comma = line.find(',', start);
        out.push_back(trim(line.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            return out;
        start = comma + 1;
    }
}
} // namespace detail

//! \brief Reads a CSV file: a header line of column names (surrounding double quotes are
//! removed), then one line of comma-separated numbers per row. Blanks around fields and blank
//! lines are ignored; `\r\n` line ends are accepted.
//!
//! Throws `data_error` naming the file, and where it applies the line (1-based, the header is
//! line 1) and the column (1-based, with its name), for: a file that cannot be opened, an empty
//! file or one without data lines, a row whose number of fields differs from the header's, a
//! field that is not a number, a NaN or infinite field.
//! \code
//! auto t = nabla::read_csv("data/breast_cancer.csv");
//! auto y = t.column("target");
//! auto x = t.columns_except("target");
//! \endcode
inline csv_table read_csv(std::filesystem::path const& file) {
    const std::string where = "nabla::read_csv: " + file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw data_error(where + ": cannot open the file (missing or unreadable)");
    csv_table t;
    std::vector<double> values;
    std::string line;
    std::size_t line_no = 0, rows = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (detail::trim(line).empty())
            continue;
        const auto fields = detail::split_fields(line);
        if (t.names.empty()) {
            for (auto f : fields) {
                if (f.size() >= 2 && f.front() == '"' && f.back() == '"')
                    f = f.substr(1, f.size() - 2);
                t.names.emplace_back(f);
            }
            continue;
        }
        const std::string at = where + ":" + std::to_string(line_no);
        if (fields.size() != t.names.size())
            throw data_error(at + ": the row has " + std::to_string(fields.size()) +
                             " fields but the header has " + std::to_string(t.names.size()));
        for (std::size_t j = 0; j < fields.size(); ++j) {
            const auto f = fields[j];
            const std::string col = ", column " + std::to_string(j + 1) + " ('" + t.names[j] + "')";
            double v = 0;
            const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
            if (f.empty() || ec != std::errc{} || end != f.data() + f.size())
                throw data_error(at + col + ": '" + std::string(f) + "' is not a number");
            if (!std::isfinite(v))
                throw data_error(at + col + ": '" + std::string(f) + "' is NaN or infinite");
            values.push_back(v);
        }
        ++rows;
    }
    if (t.names.empty())
        throw data_error(where + ": the file is empty (no header line)");
    if (rows == 0)
        throw data_error(where + ": the file has a header line but no data rows");
    t.values = dense_matrix<double>(rows, t.names.size());
    std::copy(values.begin(), values.end(), t.values.data());
    return t;
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_CSV_HPP

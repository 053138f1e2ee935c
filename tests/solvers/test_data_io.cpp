// Data I/O: read_csv, csv_table, dense_matrix and standardize against figures known from the
// datasets' descriptions (data/*.rst, data/README.md) and hand-computed values, and every kind
// of bad CSV input, written to a temporary directory.
#define BOOST_TEST_MODULE nabla_data_io
#if defined(BOOST_UNIT_TEST_FRAMEWORK_DYN_LINK) && !defined(BOOST_TEST_DYN_LINK)
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>

#include <nabla/symbolic/data/csv.hpp>
#include <nabla/symbolic/data/dense_matrix.hpp>
#include <nabla/symbolic/data/standardize.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {
const fs::path data_dir = fs::path(NABLA_DATA_DIR) / "csv";

// The exception's message must contain every needle.
template <class Fn>
void check_data_error(Fn fn, std::vector<std::string> needles) {
    try {
        fn();
        BOOST_ERROR("no data_error; expected one mentioning " << needles.front());
    } catch (const nabla::data_error& e) {
        BOOST_TEST_INFO(e.what());
        for (auto const& n : needles)
            BOOST_TEST(std::string(e.what()).find(n) != std::string::npos, "needle: " << n);
    }
}

struct temp_dir {
    fs::path path = fs::temp_directory_path() / ("nabla_data_io_" + std::to_string(::getpid()));
    temp_dir() { fs::create_directories(path); }
    ~temp_dir() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
};

double column_min(const std::vector<double>& v) {
    return *std::min_element(v.begin(), v.end());
}
double column_max(const std::vector<double>& v) {
    return *std::max_element(v.begin(), v.end());
}
} // namespace

BOOST_AUTO_TEST_CASE(dense_matrix_layout) {
    nabla::dense_matrix<double> m(2, 3, 1.5);
    BOOST_TEST(m.rows() == 2u);
    BOOST_TEST(m.cols() == 3u);
    m(1, 2) = 7;
    BOOST_TEST(m.data()[1 * 3 + 2] == 7.0); // row-major
    BOOST_TEST(m.row(1).size() == 3u);
    BOOST_TEST(m.row(1)[2] == 7.0);
    BOOST_TEST(m.row(0)[0] == 1.5);
    const auto& c = m;
    BOOST_TEST(c.row(1).data() == c.data() + 3);
    BOOST_TEST(nabla::dense_matrix<float>{}.rows() == 0u);
}

BOOST_AUTO_TEST_CASE(breast_cancer_matches_its_description) {
    const auto t = nabla::read_csv(data_dir / "breast_cancer.csv");
    // breast_cancer.rst: 569 instances, 30 attributes and the class
    BOOST_TEST(t.values.rows() == 569u);
    BOOST_TEST(t.names.size() == 31u);
    BOOST_TEST(t.values.cols() == 31u);
    // "Class Distribution: 212 - Malignant, 357 - Benign" (target 0 malignant, 1 benign)
    const auto y = t.column("target");
    BOOST_TEST(std::accumulate(y.begin(), y.end(), 0.0) == 357.0);
    BOOST_TEST(std::count(y.begin(), y.end(), 0.0) == 212);
    // Summary statistics of the .rst: radius (mean) 6.981..28.11, area (worst) 185.2..4254.0,
    // concavity (mean) 0.0..0.427 (the .rst rounds to 3 digits)
    BOOST_TEST(column_min(t.column("mean_radius")) == 6.981);
    BOOST_TEST(column_max(t.column("mean_radius")) == 28.11);
    BOOST_TEST(column_min(t.column("worst_area")) == 185.2);
    BOOST_TEST(column_max(t.column("worst_area")) == 4254.0);
    BOOST_TEST(column_min(t.column("mean_concavity")) == 0.0);
    BOOST_TEST(std::abs(column_max(t.column("mean_concavity")) - 0.427) <= 5e-4);
    // the features without the label
    const auto x = t.columns_except("target");
    BOOST_TEST(x.rows() == 569u);
    BOOST_TEST(x.cols() == 30u);
    BOOST_TEST(x(0, 0) == t.values(0, 0));
    BOOST_TEST(x(568, 29) == t.values(568, 29));
}

BOOST_AUTO_TEST_CASE(diabetes_and_digits_match_their_descriptions) {
    const auto d = nabla::read_csv(data_dir / "diabetes.csv");
    BOOST_TEST(d.values.rows() == 442u); // diabetes.rst: n = 442
    BOOST_TEST(d.values.cols() == 11u);  // 10 baseline variables + the response
    BOOST_TEST(d.names.front() == "age");
    const auto sex = d.column("sex"); // coded 1 / 2 in the raw data
    BOOST_TEST(std::all_of(sex.begin(), sex.end(), [](double v) { return v == 1 || v == 2; }));

    const auto g = nabla::read_csv(data_dir / "digits.csv");
    BOOST_TEST(g.values.rows() == 1797u); // digits.rst: 1797 instances, 64 attributes
    BOOST_TEST(g.values.cols() == 65u);
    const auto px = g.columns_except("target");
    BOOST_TEST(std::all_of(px.data(), px.data() + px.rows() * px.cols(),
                           [](double v) { return v >= 0 && v <= 16 && v == std::floor(v); }));
    const auto y = g.column("target"); // 10 classes, one per digit
    BOOST_TEST(column_min(y) == 0.0);
    BOOST_TEST(column_max(y) == 9.0);
}

BOOST_AUTO_TEST_CASE(unknown_column_is_named) {
    const auto t = nabla::read_csv(data_dir / "diabetes.csv");
    check_data_error([&] { (void)t.column("glucose"); }, {"glucose", "age"});
    check_data_error([&] { (void)t.columns_except("y"); }, {"'y'"});
}

BOOST_AUTO_TEST_CASE(bad_csv_inputs_are_named) {
    temp_dir tmp;
    const auto missing = tmp.path / "missing.csv";
    check_data_error([&] { (void)nabla::read_csv(missing); }, {"missing.csv", "cannot open"});
    struct bad_file {
        std::string name, text;
        std::vector<std::string> needles; // file:line, column, what
    };
    const std::vector<bad_file> cases{
        {"empty.csv", "", {"empty.csv", "empty"}},
        {"header.csv", "a,b\n\n", {"header.csv", "no data rows"}},
        {"ragged.csv", "a,b,c\n1,2,3\n4,5\n", {"ragged.csv:3", "2 fields", "header has 3"}},
        {"text.csv",
         "a,b\r\n1,2\r\n3,x7\r\n",
         {"text.csv:3", "column 2 ('b')", "'x7' is not a number"}},
        {"partial.csv", "a,b\n1,2.5.1\n", {"partial.csv:2", "'2.5.1'"}},
        {"blank.csv", "a,b\n1,\n", {"blank.csv:2", "column 2"}},
        {"nan.csv", "a,b\n1,2\nnan,3\n", {"nan.csv:3", "column 1 ('a')", "NaN or infinite"}},
        {"inf.csv", "a,b\n1,-inf\n", {"inf.csv:2", "column 2", "infinite"}},
    };
    for (auto const& c : cases) {
        const auto file = tmp.write(c.name, c.text);
        check_data_error([&] { (void)nabla::read_csv(file); }, c.needles);
    }

    // accepted: quoted names, blanks, CRLF, exponents, a missing final newline
    const auto ok = tmp.write("ok.csv", "\"x\", y \r\n 1.5e2 , -2\r\n\r\n3,4");
    const auto t = nabla::read_csv(ok);
    BOOST_TEST(t.names == (std::vector<std::string>{"x", "y"}), boost::test_tools::per_element());
    BOOST_TEST(t.values.rows() == 2u);
    BOOST_TEST(t.values(0, 0) == 150.0);
    BOOST_TEST(t.values(0, 1) == -2.0);
    BOOST_TEST(t.values(1, 1) == 4.0);
}

BOOST_AUTO_TEST_CASE(standardize_hand_computed) {
    // column 0: 1 2 3 4 -> mean 2.5, population sd sqrt(1.25); column 1: 10 10 10 14 -> mean 11,
    // sd sqrt(3)
    nabla::dense_matrix<double> x(4, 2);
    const double v[] = {1, 10, 2, 10, 3, 10, 4, 14};
    std::copy(std::begin(v), std::end(v), x.data());
    const auto s = nabla::standardize(x);
    BOOST_TEST(s.mean[0] == 2.5);
    BOOST_TEST(s.mean[1] == 11.0);
    BOOST_TEST(s.scale[0] == std::sqrt(1.25), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(s.scale[1] == std::sqrt(3.0), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(x(0, 0) == -1.5 / std::sqrt(1.25), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(x(3, 1) == 3.0 / std::sqrt(3.0), boost::test_tools::tolerance(1e-15));
    // the same map on new data
    nabla::dense_matrix<double> z(1, 2);
    z(0, 0) = 2.5;
    z(0, 1) = 11 + std::sqrt(3.0);
    s.apply(z);
    BOOST_TEST(std::abs(z(0, 0)) <= 1e-15);
    BOOST_TEST(z(0, 1) == 1.0, boost::test_tools::tolerance(1e-15));
    nabla::dense_matrix<double> wrong(1, 3);
    check_data_error([&] { s.apply(wrong); }, {"3 columns"});

    // a constant column is named by its index
    nabla::dense_matrix<double> c(3, 3, 0.1);
    c(0, 0) = 1;
    c(1, 2) = 2;
    check_data_error([&] { (void)nabla::standardize(c); }, {"column 1", "constant"});
    nabla::dense_matrix<double> none(0, 2);
    check_data_error([&] { (void)nabla::standardize(none); }, {"no rows"});
}

BOOST_AUTO_TEST_CASE(standardized_breast_cancer_has_unit_columns) {
    auto x = nabla::read_csv(data_dir / "breast_cancer.csv").columns_except("target");
    const auto s = nabla::standardize(x);
    // mean radius: the .rst range 6.981..28.11 must map inside the standardised column's range
    BOOST_TEST(s.mean[0] > 6.981);
    BOOST_TEST(s.mean[0] < 28.11);
    for (std::size_t j = 0; j < x.cols(); ++j) {
        double m = 0, q = 0;
        for (std::size_t i = 0; i < x.rows(); ++i)
            m += x(i, j);
        m /= double(x.rows());
        for (std::size_t i = 0; i < x.rows(); ++i)
            q += (x(i, j) - m) * (x(i, j) - m);
        BOOST_TEST(std::abs(m) <= 1e-13);
        BOOST_TEST(std::sqrt(q / double(x.rows())) == 1.0, boost::test_tools::tolerance(1e-13));
    }
}

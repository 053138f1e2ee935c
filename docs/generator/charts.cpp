// Bar charts of the performance tables: reads docs/performance.md and, for every table preceded
// by a chart directive (an HTML comment, invisible in the rendered page)
//
//   <!-- chart: NAME | TITLE | LABEL COLUMN, ... | SERIES COLUMN, ... | REFERENCE -->
//
// writes OUT_DIR/NAME.svg: one group of horizontal bars per table row, labelled by the LABEL
// columns, one bar per SERIES column (its cells read as numbers, a trailing `x` or `**` ignored),
// on a logarithmic axis; REFERENCE (`1 = hand-written code`, or `-` for none) draws a dashed
// line at that value. The page embeds the charts (`![...](NAME.svg)`), so a number can change in
// one place only: the table. SVG is written directly, like plot.cpp: no plotting package, and
// the files are reproducible byte for byte.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

std::string trim(std::string s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

std::vector<std::string> split(std::string const& s, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, separator))
        parts.push_back(trim(part));
    return parts;
}

// The cells of a Markdown table line `| a | b |`.
std::vector<std::string> cells(std::string const& line) {
    std::string inner = trim(line);
    if (!inner.empty() && inner.front() == '|')
        inner.erase(0, 1);
    if (!inner.empty() && inner.back() == '|')
        inner.pop_back();
    return split(inner, '|');
}

// Markdown emphasis and code marks removed: `**missed**` reads `missed`.
std::string plain(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '*' || c == '`'; }),
            s.end());
    return s;
}

std::string escape(std::string const& s) {
    std::string out;
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else
            out += c;
    }
    return out;
}

struct chart {
    std::string name, title;
    std::vector<std::string> label_columns, series_columns;
    double reference = 0; // 0: none
    std::string reference_label;
    std::vector<std::string> labels;         // one per row
    std::vector<std::vector<double>> values; // [row][series]
};

char const* const colours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

std::string number(double v) {
    std::ostringstream s;
    if (v >= 100 || v == std::floor(v))
        s << std::fixed << std::setprecision(0) << v;
    else if (v >= 10)
        s << std::fixed << std::setprecision(1) << v;
    else
        s << std::fixed << std::setprecision(2) << v;
    return s.str();
}

void write_svg(std::ostream& svg, chart const& c) {
    const double bar = 14, gap = 12, left = 230, plot = 560;
    const double width = left + plot + 90;
    const std::size_t k = c.series_columns.size();
    // Legend entries, wrapped into rows (about 7 pixels a character at font size 13).
    std::vector<std::pair<double, double>> legend; // (x, y) of each entry
    double lx = 20, ly = 38;
    for (std::size_t s = 0; s != k; ++s) {
        const double entry = 40 + 7.5 * c.series_columns[s].size();
        if (lx + entry > width - 20 && lx > 20) {
            lx = 20;
            ly += 20;
        }
        legend.emplace_back(lx, ly);
        lx += entry;
    }
    const double top = ly + 40;
    const double group = k * bar + gap;
    const double height = top + c.labels.size() * group + 50;

    double lo = 1e300, hi = -1e300;
    for (auto const& row : c.values)
        for (double v : row)
            if (v > 0) {
                lo = std::min(lo, std::log10(v));
                hi = std::max(hi, std::log10(v));
            }
    if (c.reference > 0) {
        lo = std::min(lo, std::log10(c.reference));
        hi = std::max(hi, std::log10(c.reference));
    }
    lo = std::floor(lo);
    hi = std::ceil(hi);
    if (hi <= lo)
        hi = lo + 1;
    const auto px = [&](double v) { return left + plot * (std::log10(v) - lo) / (hi - lo); };

    svg << "<svg xmlns='http://www.w3.org/2000/svg' width='" << width << "' height='" << height
        << "' font-family='sans-serif'>\n<rect width='" << width << "' height='" << height
        << "' fill='white'/>\n<text x='" << width / 2
        << "' y='22' text-anchor='middle' font-size='16' font-weight='bold'>" << escape(c.title)
        << "</text>\n";
    for (std::size_t s = 0; s != k; ++s) {
        const auto [x, y] = legend[s];
        svg << "<rect x='" << x << "' y='" << y << "' width='14' height='14' fill='"
            << colours[s % 5] << "'/>\n<text x='" << x + 20 << "' y='" << y + 12
            << "' font-size='13'>" << escape(c.series_columns[s]) << "</text>\n";
    }
    const double bottom = height - 50;
    // Decade grid.
    for (int e = static_cast<int>(lo); e <= static_cast<int>(hi); ++e) {
        const double x = left + plot * (e - lo) / (hi - lo);
        std::ostringstream label;
        if (e >= 0 && e <= 4)
            label << static_cast<long>(std::pow(10.0, e));
        else if (e < 0 && e >= -3)
            label << std::pow(10.0, e);
        else
            label << "1e" << e;
        svg << "<line x1='" << x << "' x2='" << x << "' y1='" << top - 8 << "' y2='" << bottom
            << "' stroke='#ddd'/>\n<text x='" << x << "' y='" << bottom + 16
            << "' text-anchor='middle' font-size='12'>" << label.str() << "</text>\n";
    }
    svg << "<text x='" << left + plot / 2 << "' y='" << bottom + 36
        << "' text-anchor='middle' font-size='12'>logarithmic scale</text>\n";
    // Bars.
    for (std::size_t r = 0; r != c.labels.size(); ++r) {
        const double y0 = top + r * group;
        svg << "<text x='" << left - 8 << "' y='" << y0 + k * bar / 2 + 4
            << "' text-anchor='end' font-size='13'>" << escape(c.labels[r]) << "</text>\n";
        for (std::size_t s = 0; s != k; ++s) {
            const double v = c.values[r][s];
            if (!(v > 0))
                continue;
            const double x1 = px(v);
            const double y = y0 + s * bar;
            svg << "<rect x='" << left << "' y='" << y << "' width='" << std::max(1.0, x1 - left)
                << "' height='" << bar - 2 << "' fill='" << colours[s % 5] << "'/>\n<text x='"
                << x1 + 4 << "' y='" << y + bar - 4 << "' font-size='11'>" << number(v)
                << (c.reference > 0 ? "x" : "") << "</text>\n";
        }
    }
    svg << "<line x1='" << left << "' x2='" << left << "' y1='" << top - 8 << "' y2='" << bottom
        << "' stroke='#444'/>\n";
    if (c.reference > 0) {
        const double x = px(c.reference);
        svg << "<line x1='" << x << "' x2='" << x << "' y1='" << top - 8 << "' y2='" << bottom
            << "' stroke='#000' stroke-dasharray='5,4'/>\n<text x='" << x + 4 << "' y='" << top - 12
            << "' font-size='12'>" << escape(c.reference_label) << "</text>\n";
    }
    svg << "</svg>\n";
}

// Reads the table that starts at lines[i] (after blank lines) into c; false if malformed.
bool read_table(std::vector<std::string> const& lines, std::size_t i, chart& c) {
    while (i < lines.size() && trim(lines[i]).empty())
        ++i;
    if (i + 2 > lines.size() || trim(lines[i]).rfind('|', 0) != 0)
        return false;
    const std::vector<std::string> header = cells(lines[i]);
    const auto column = [&](std::string const& name) -> std::ptrdiff_t {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : it - header.begin();
    };
    std::vector<std::ptrdiff_t> label_at, series_at;
    for (auto const& name : c.label_columns)
        label_at.push_back(column(name));
    for (auto const& name : c.series_columns)
        series_at.push_back(column(name));
    if (std::count(label_at.begin(), label_at.end(), -1) ||
        std::count(series_at.begin(), series_at.end(), -1)) {
        std::cerr << "chart " << c.name << ": a column is not in the table's header\n";
        return false;
    }
    for (i += 2; i < lines.size() && trim(lines[i]).rfind('|', 0) == 0; ++i) {
        const std::vector<std::string> row = cells(lines[i]);
        std::string label;
        for (auto at : label_at)
            label += (label.empty() ? "" : ", ") + plain(row.at(at));
        std::vector<double> values;
        for (auto at : series_at) {
            const std::string cell = plain(row.at(at));
            values.push_back(cell.empty() ? 0.0 : std::strtod(cell.c_str(), nullptr));
        }
        c.labels.push_back(label);
        c.values.push_back(values);
    }
    return !c.labels.empty();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " <performance.md> <output directory>\n";
        return EXIT_FAILURE;
    }
    std::ifstream page(argv[1]);
    std::vector<std::string> lines;
    for (std::string line; std::getline(page, line);)
        lines.push_back(line);
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out);
    const std::string opening = "<!-- chart:";
    int written = 0;
    for (std::size_t i = 0; i != lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        if (line.rfind(opening, 0) != 0)
            continue;
        const auto close = line.rfind("-->");
        const std::vector<std::string> fields =
            split(line.substr(opening.size(), close - opening.size()), '|');
        if (close == std::string::npos || fields.size() != 5) {
            std::cerr << argv[1] << ":" << i + 1 << ": malformed chart directive\n";
            return EXIT_FAILURE;
        }
        chart c;
        c.name = fields[0];
        c.title = fields[1];
        c.label_columns = split(fields[2], ',');
        c.series_columns = split(fields[3], ',');
        if (fields[4] != "-") {
            c.reference = std::strtod(fields[4].c_str(), nullptr);
            c.reference_label = fields[4];
        }
        if (!read_table(lines, i + 1, c)) {
            std::cerr << argv[1] << ":" << i + 1 << ": no table under the chart directive\n";
            return EXIT_FAILURE;
        }
        std::ofstream svg(out / (c.name + ".svg"));
        write_svg(svg, c);
        if (!svg) {
            std::cerr << "cannot write " << (out / (c.name + ".svg")) << "\n";
            return EXIT_FAILURE;
        }
        ++written;
    }
    if (written == 0) {
        std::cerr << argv[1] << ": no chart directive\n";
        return EXIT_FAILURE;
    }
    std::cout << "wrote " << written << " charts to " << out << "\n";
    return EXIT_SUCCESS;
}

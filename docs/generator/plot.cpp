// Convergence plot for the documentation: reads the CSV that examples/tutorial_3_minimise writes
// (solver, iteration, f, gradient_norm) and writes one SVG with two log-scale panels, the
// objective and the gradient norm against the iteration, one line per solver. SVG is written
// directly so the docs need no plotting package and the file is reproducible byte for byte.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct point {
    double iteration, f, gradient_norm;
};

// Log scale needs positive values; an exact 0 (a minimum hit exactly) is drawn at the floor.
constexpr double floor_value = 1e-30;

double log10_clamped(double v) {
    return std::log10(std::max(v, floor_value));
}

struct panel {
    std::string title;
    double (*value)(point const&);
    double x0, y0, width, height; // pixel box of the plotting area
};

char const* const colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

void draw(std::ostream& svg, panel const& p, std::map<std::string, std::vector<point>> const& runs,
          double max_iteration) {
    double lo = 1e300, hi = -1e300;
    for (auto const& [name, points] : runs)
        for (auto const& q : points) {
            lo = std::min(lo, log10_clamped(p.value(q)));
            hi = std::max(hi, log10_clamped(p.value(q)));
        }
    lo = std::floor(lo);
    hi = std::ceil(hi);
    if (hi <= lo)
        hi = lo + 1;
    const auto px = [&](double it) { return p.x0 + p.width * it / std::max(1.0, max_iteration); };
    const auto py = [&](double v) { return p.y0 + p.height * (hi - log10_clamped(v)) / (hi - lo); };

    svg << "<text x='" << p.x0 + p.width / 2 << "' y='" << p.y0 - 10
        << "' text-anchor='middle' font-size='15'>" << p.title << "</text>\n"
        << "<rect x='" << p.x0 << "' y='" << p.y0 << "' width='" << p.width << "' height='"
        << p.height << "' fill='none' stroke='#444'/>\n";
    // Decade grid lines, labelled every `step` decades so labels never overlap.
    const int step = std::max(1, static_cast<int>((hi - lo) / 8));
    for (int e = static_cast<int>(lo); e <= static_cast<int>(hi); e += step) {
        const double y = p.y0 + p.height * (hi - e) / (hi - lo);
        svg << "<line x1='" << p.x0 << "' x2='" << p.x0 + p.width << "' y1='" << y << "' y2='" << y
            << "' stroke='#ddd'/>\n<text x='" << p.x0 - 6 << "' y='" << y + 4
            << "' text-anchor='end' font-size='11'>1e" << e << "</text>\n";
    }
    const int xstep = std::max(1, static_cast<int>(std::ceil(max_iteration / 10)));
    for (int it = 0; it <= static_cast<int>(max_iteration); it += xstep)
        svg << "<text x='" << px(it) << "' y='" << p.y0 + p.height + 16
            << "' text-anchor='middle' font-size='11'>" << it << "</text>\n";
    svg << "<text x='" << p.x0 + p.width / 2 << "' y='" << p.y0 + p.height + 34
        << "' text-anchor='middle' font-size='12'>iteration</text>\n";

    std::size_t k = 0;
    for (auto const& [name, points] : runs) {
        char const* colour = colours[k % 4];
        svg << "<polyline fill='none' stroke='" << colour << "' stroke-width='2' points='";
        for (auto const& q : points)
            svg << px(q.iteration) << ',' << py(p.value(q)) << ' ';
        svg << "'/>\n";
        for (auto const& q : points)
            svg << "<circle cx='" << px(q.iteration) << "' cy='" << py(p.value(q))
                << "' r='2.5' fill='" << colour << "'/>\n";
        // Legend bottom left: runs start high and fall to the right, so that corner stays empty.
        const double ly = p.y0 + p.height - 18 * static_cast<double>(runs.size() - k);
        svg << "<line x1='" << p.x0 + 12 << "' x2='" << p.x0 + 36 << "' y1='" << ly << "' y2='"
            << ly << "' stroke='" << colour << "' stroke-width='2'/>\n<text x='" << p.x0 + 42
            << "' y='" << ly + 4 << "' font-size='12'>" << name << " (" << points.size() - 1
            << " it.)</text>\n";
        ++k;
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " <history.csv> <out.svg> <title>\n";
        return EXIT_FAILURE;
    }
    std::ifstream csv(argv[1]);
    std::string line;
    std::getline(csv, line); // header
    std::map<std::string, std::vector<point>> runs;
    double max_iteration = 0;
    while (std::getline(csv, line)) {
        std::istringstream fields(line);
        std::string solver, iteration, f, g;
        if (!std::getline(fields, solver, ',') || !std::getline(fields, iteration, ',') ||
            !std::getline(fields, f, ',') || !std::getline(fields, g, ',')) {
            std::cerr << argv[1] << ": malformed line: " << line << "\n";
            return EXIT_FAILURE;
        }
        runs[solver].push_back({std::stod(iteration), std::stod(f), std::stod(g)});
        max_iteration = std::max(max_iteration, std::stod(iteration));
    }
    if (runs.empty()) {
        std::cerr << argv[1] << ": no history\n";
        return EXIT_FAILURE;
    }
    std::ofstream svg(argv[2]);
    svg << "<svg xmlns='http://www.w3.org/2000/svg' width='900' height='380' "
           "font-family='sans-serif'>\n<rect width='900' height='380' fill='white'/>\n"
        << "<text x='450' y='22' text-anchor='middle' font-size='16' font-weight='bold'>" << argv[3]
        << "</text>\n";
    draw(svg, {"objective f(x_k)", [](point const& q) { return q.f; }, 70, 60, 360, 260}, runs,
         max_iteration);
    draw(svg,
         {"gradient norm |grad f(x_k)|", [](point const& q) { return q.gradient_norm; }, 520, 60,
          360, 260},
         runs, max_iteration);
    svg << "</svg>\n";
    return svg ? EXIT_SUCCESS : EXIT_FAILURE;
}

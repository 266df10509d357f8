// The suite ran in the third party's build, on its backend, one test per spec x backend, and of the
// harness that build needed the core (and the JUnit engine to run it), nothing else.
def deps = new File(basedir, 'target/dependencies.txt').text
def ours = (deps =~ /org\.faasm\.conformance:([\w-]+):/).collect { it[1] }.unique().sort()
assert ours == ['faasm-conformance-core', 'faasm-conformance-junit'] : "harness artifacts on the classpath: ${ours}"
assert !deps.contains('playwright') && !deps.contains('testcontainers') && !deps.contains('rest-assured') : "a backend family leaked in:\n${deps}"

def shape = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.SuiteShapeTest.xml'))
assert shape.@tests.text() == '1' && shape.@failures.text() == '0' && shape.@errors.text() == '0' : "SuiteShapeTest did not pass"

def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.SampleConformanceTest.xml')
assert xml.isFile() : "no Surefire report for the suite at ${xml}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
def cases = suite.testcase.collectEntries { [(it.@name.text()): it] }
assert cases.keySet().every { it.endsWith(' [sample]') } : "tests of another backend: ${cases.keySet()}"
assert cases.containsKey('io/echo_text [sample]') : "no io/echo_text [sample] among ${cases.keySet()}"
assert cases['io/echo_text [sample]'].children().size() == 0 : "io/echo_text did not pass on the sample host"
// The sample implements read_input and write_output only: a spec whose module chains is skipped, saying why.
def chained = cases['chaining/by_name [sample]']
assert chained.skipped.@message.text().contains('__faasm_chain_name') : "chaining/by_name was not skipped for its imports: ${chained}"
assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "the sample backend failed: ${suite.@failures} failures, ${suite.@errors} errors"
assert new File(basedir, 'target/conformance-reports/report.json').isFile()
return true

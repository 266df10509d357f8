// The suite ran in the third party's build, on its backend, one test per spec x backend.
def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.SampleConformanceTest.xml')
assert xml.isFile() : "no Surefire report for the suite at ${xml}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
def names = suite.testcase.collect { it.@name.text() }
assert names.contains('io/echo_text [sample]') : "no io/echo_text [sample] among ${names}"
assert names.contains('chaining/by_name [sample]') : "no chaining/by_name [sample] among ${names}"
assert names.every { it.endsWith(' [sample]') } : "tests of another backend: ${names}"
assert suite.@failures.text() == '0' && suite.@errors.text() == '0' : "the sample backend failed: ${suite.@failures} failures, ${suite.@errors} errors"
assert new File(basedir, 'target/conformance-reports/report.json').isFile()
return true

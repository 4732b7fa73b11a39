package io.flagstaff.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code bom/pom.xml} true to the reactor: it manages every published module (a
 * module that does not skip deployment) at the reactor's version, nothing else, and
 * inherits nothing (so that importing it manages Flagstaff's artifacts only).
 */
class BillOfMaterialsTests {

	private static Path root;

	private static Document parent;

	private static Document bom;

	@BeforeAll
	static void readPoms() throws Exception {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("bom/pom.xml"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("bom/pom.xml above the working directory").isNotNull();
		root = directory;
		parent = read(root.resolve("pom.xml"));
		bom = read(root.resolve("bom/pom.xml"));
	}

	@Test
	void theBomIsAModuleOfTheReactorWithoutAParent() {
		assertThat(texts(parent.getDocumentElement(), "modules", "module")).contains("bom");
		assertThat(child(bom.getDocumentElement(), "parent")).isNull();
		assertThat(text(bom.getDocumentElement(), "packaging")).isEqualTo("pom");
		assertThat(child(bom.getDocumentElement(), "dependencies")).as("a BOM declares no dependencies").isNull();
	}

	@Test
	void theBomHasTheVersionOfTheReactor() {
		assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
	}

	@Test
	void theBomManagesEveryPublishedModuleAndNothingElse() throws Exception {
		Map<String, String> published = new TreeMap<>();
		for (String module : texts(parent.getDocumentElement(), "modules", "module")) {
			Element pom = read(root.resolve(module).resolve("pom.xml")).getDocumentElement();
			String artifactId = text(pom, "artifactId");
			Element properties = child(pom, "properties");
			boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
			if (!skipped && !module.equals("bom")) {
				published.put(artifactId, module);
			}
		}
		assertThat(published)
			.containsKeys("flagstaff-core", "flagstaff-store-jdbc", "flagstaff-store-redis", "flagstaff-experiments",
					"flagstaff-cli", "flagstaff-spring-boot-starter", "flagstaff-junit")
			.doesNotContainKeys("flagstaff-sample-app", "flagstaff-benchmarks");
		List<String> managed = new ArrayList<>();
		NodeList dependencies = child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies")
			.getElementsByTagName("dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			assertThat(text(dependency, "groupId")).isEqualTo("io.flagstaff");
			assertThat(text(dependency, "version")).isEqualTo("${project.version}");
			assertThat(text(dependency, "scope")).as("a managed entry that imports another BOM").isNull();
			managed.add(text(dependency, "artifactId"));
		}
		assertThat(managed).as("the artifacts bom/pom.xml manages").containsAll(published.keySet());
		assertThat(published.keySet()).as("the published modules of ../pom.xml").containsAll(managed);
	}

	private static Document read(Path pom) throws ParserConfigurationException, SAXException, IOException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(pom.toFile());
	}

	private static Element child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child;
			}
		}
		return null;
	}

	private static String text(Element element, String name) {
		Element child = child(element, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

	private static List<String> texts(Element element, String container, String name) {
		List<String> texts = new ArrayList<>();
		Element parent = child(element, container);
		for (Node node = (parent != null) ? parent.getFirstChild() : null; node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				texts.add(child.getTextContent().strip());
			}
		}
		return texts;
	}

}

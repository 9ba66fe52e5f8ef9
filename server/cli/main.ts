console.log("kexiao", process.argv.slice(2));
